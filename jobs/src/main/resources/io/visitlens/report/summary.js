/* VisitLens index.html: draws the charts from the report rows in #visitlens-data with Apache ECharts.
   Every number drawn is a value of a report row (shares are shown as percentages). */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('visitlens-data').textContent);
  var charts = [];
  var failed = [];
  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif';
  var GREY = '#6b7385';
  var NPMI_COLOURS = ['#762a83', '#c2a5cf', '#f7f7f7', '#a6dba0', '#1b7837'];

  var visits = {};
  data.visits.forEach(function (v) { visits[v.id] = v; });
  function label(id) { return visits[id] ? visits[id].label : id; }
  function colour(id) { return visits[id] ? visits[id].color : GREY; }
  function num(v) { return typeof v === 'number' && isFinite(v); }
  function pct(fraction) { return num(fraction) ? (fraction * 100).toFixed(1) + '%' : '–'; }
  function signed(v, digits) {
    if (!num(v)) { return 'n/a'; }
    var s = Math.abs(v).toFixed(digits);
    return (Number(s) === 0 ? '' : v > 0 ? '+' : '−') + s;
  }
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function sectorRank(sector) {
    var i = data.sectorOrder.indexOf(sector);
    return i < 0 ? data.sectorOrder.length : i;
  }
  function bySectorOrder(a, b) { return sectorRank(a) - sectorRank(b) || (a < b ? -1 : a > b ? 1 : 0); }

  var measure = document.createElement('canvas').getContext('2d');
  /** The width in pixels of the widest label, capped: how much room an axis needs. */
  function labelWidth(labels, size, cap) {
    measure.font = size + 'px ' + FONT;
    var widest = 0;
    labels.forEach(function (l) { widest = Math.max(widest, measure.measureText(String(l)).width); });
    return Math.ceil(Math.min(widest, cap));
  }

  function message(el, text) {
    el.style.height = 'auto';
    el.innerHTML = '<p class="chart-message">' + esc(text) + '</p>';
  }

  /** Draws one chart, turning any error into a message in its box and a recorded page error. */
  function draw(el, build) {
    if (!el) { return; }
    try {
      build(el);
    } catch (e) {
      failed.push(el.id || el.getAttribute('data-scope'));
      window.visitlensError('chart ' + (el.id || el.getAttribute('data-scope')) + ': ' + (e && e.stack || e));
      message(el, 'This chart could not be drawn: ' + (e && e.message));
    }
  }

  function init(el, height, option) {
    el.style.height = height + 'px';
    var chart = echarts.init(el, null, { renderer: 'svg' });
    option.animation = false;
    option.textStyle = { fontFamily: FONT, color: '#1d2330' };
    chart.setOption(option);
    charts.push(chart);
    return chart;
  }

  function axisName(text, gap) {
    return { name: text, nameLocation: 'middle', nameGap: gap, nameTextStyle: { color: '#1d2330', fontSize: 13 } };
  }

  function merge(target, source) {
    Object.keys(source).forEach(function (k) { target[k] = source[k]; });
    return target;
  }

  /** The bootstrap interval of a compared visit's share of a sector, [low, high], or null. */
  function shareInterval(visit, sector) {
    if (!data.pair) { return null; }
    var r = data.emphasis.filter(function (e) { return e.sector === sector; })[0];
    if (!r) { return null; }
    var side = visit === data.pair.a ? 'a' : visit === data.pair.b ? 'b' : null;
    if (!side || !num(r['share_' + side + '_ci_low'])) { return null; }
    return [r['share_' + side + '_ci_low'], r['share_' + side + '_ci_high']];
  }

  // ------------------------------------------------------------------ sector share per visit (grouped bars)
  draw(document.getElementById('chart-shares'), function (el) {
    var rows = data.sectorSummary;
    var totals = {};
    rows.forEach(function (r) { totals[r.sector] = (totals[r.sector] || 0) + (r.mentions || 0); });
    var sectors = Object.keys(totals).filter(function (s) { return totals[s] > 0; }).sort(bySectorOrder);
    if (!sectors.length) { message(el, 'No sector was mentioned in any visit.'); return; }
    var visitIds = data.visits.map(function (v) { return v.id; }).filter(function (id) {
      return rows.some(function (r) { return r.visit_id === id; });
    });
    var cell = {};
    rows.forEach(function (r) { cell[r.visit_id + '\u0000' + r.sector] = r; });
    var series = visitIds.map(function (id) {
      return {
        name: label(id), type: 'bar', itemStyle: { color: colour(id) }, barMaxWidth: 16, barGap: '10%',
        label: { show: visitIds.length <= 3, position: 'right', fontSize: 11, color: '#4f5868',
          formatter: function (p) { return p.data.row ? pct(p.data.row.share) : ''; } },
        data: sectors.map(function (s) {
          var r = cell[id + '\u0000' + s];
          return { value: r && num(r.share) ? r.share * 100 : 0, row: r || null };
        })
      };
    });
    // The compared visits' shares carry their article-level bootstrap interval as a whisker over their bar: bars
    // are laid out as ECharts does (80% of the band, a gap of 10% of a bar between bars, at most 16 px each).
    var k = visitIds.length;
    visitIds.forEach(function (id, j) {
      var whiskers = sectors.map(function (s, i) {
        var ci = shareInterval(id, s);
        return ci ? { value: [ci[0] * 100, ci[1] * 100, i] } : null;
      }).filter(function (d) { return d; });
      if (!whiskers.length) { return; }
      series.push({
        type: 'custom', z: 3, silent: true, tooltip: { show: false },
        renderItem: function (params, api) {
          var band = api.size([0, 1])[1];
          var w = Math.min(16, band * 0.8 / (k + 0.1 * (k - 1)));
          var group = k * w + 0.1 * w * (k - 1);
          var offset = -group / 2 + j * 1.1 * w + w / 2;
          var low = api.coord([api.value(0), api.value(2)]);
          var high = api.coord([api.value(1), api.value(2)]);
          var y = low[1] + offset;
          var cap = Math.max(2, w / 3);
          var style = { stroke: '#1d2330', lineWidth: 1.2 };
          return { type: 'group', children: [
            { type: 'line', shape: { x1: low[0], y1: y, x2: high[0], y2: y }, style: style },
            { type: 'line', shape: { x1: low[0], y1: y - cap, x2: low[0], y2: y + cap }, style: style },
            { type: 'line', shape: { x1: high[0], y1: y - cap, x2: high[0], y2: y + cap }, style: style }
          ] };
        },
        encode: { x: [0, 1], y: 2 },
        data: whiskers
      });
    });
    var perSector = Math.max(22, visitIds.length * 15 + 8);
    var left = labelWidth(sectors, 13, 240) + 14;
    init(el, sectors.length * perSector + 110, {
      legend: { top: 0, textStyle: { fontSize: 13 } },
      grid: { left: left, right: 64, top: 36, bottom: 46, containLabel: false },
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: function (ps) {
          var out = '<b>' + esc(ps[0].name) + '</b>';
          ps.forEach(function (p) {
            if (p.seriesType === 'custom') { return; }
            var r = p.data.row;
            out += '<br>' + p.marker + esc(p.seriesName) + ': ' + (r ? pct(r.share) + ' of mentions (' + r.mentions
              + ' mentions in ' + r.documents + ' documents, ' + pct(r.doc_share) + ' of them)' : 'no row');
            var ci = r ? shareInterval(r.visit_id, ps[0].name) : null;
            if (ci) { out += ', interval ' + pct(ci[0]) + ' to ' + pct(ci[1]); }
          });
          return out;
        }
      },
      xAxis: merge({ type: 'value', axisLabel: { formatter: '{value}%' } },
        axisName('Share of the visit\u2019s sector mentions (%)', 30)),
      yAxis: { type: 'category', data: sectors, inverse: true, axisTick: { show: false },
        axisLabel: { fontSize: 13, width: left - 10, overflow: 'truncate' } },
      series: series
    });
  });

  // ------------------------------------------------------------------ emphasis z-scores (diverging bars)
  function divergingBars(el, rows, valueOf, nameOf, a, b, xName, tooltip) {
    var shown = rows.filter(function (r) { return num(valueOf(r)); });
    shown.sort(function (x, y) { return valueOf(y) - valueOf(x); });
    var z = data.zCritical;
    var extent = Math.max(z + 0.5, Math.max.apply(null, shown.map(function (r) { return Math.abs(valueOf(r)); })));
    var step = extent <= 5 ? 1 : extent <= 10 ? 2 : extent <= 25 ? 5 : 10;
    extent = Math.ceil(extent / step) * step;
    var names = shown.map(nameOf);
    var left = labelWidth(names, 13, 280) + 14;
    init(el, shown.length * 24 + 110, {
      grid: { left: left, right: 48, top: 30, bottom: 50, containLabel: false },
      tooltip: { trigger: 'item', formatter: function (p) { return tooltip(p.data.row); } },
      xAxis: merge({ type: 'value', min: -extent, max: extent, interval: step }, axisName(xName, 30)),
      yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false },
        axisLine: { show: false }, axisLabel: { fontSize: 13, width: left - 10, overflow: 'truncate' } },
      series: [{
        type: 'bar', barMaxWidth: 16,
        data: shown.map(function (r) {
          var v = valueOf(r);
          return { value: v, row: r, itemStyle: { color: colour(v > 0 ? b : a), opacity: Math.abs(v) >= z ? 1 : 0.45 } };
        }),
        label: { show: true, position: 'right', fontSize: 11, color: '#4f5868',
          formatter: function (p) { return signed(p.value, 2); } },
        markLine: {
          silent: true, symbol: 'none', label: { show: true, position: 'start', color: GREY, formatter: function (p) { return signed(p.value, 2); } },
          lineStyle: { type: 'dashed', color: '#9aa1ad' },
          data: [{ xAxis: -z }, { xAxis: 0, lineStyle: { type: 'solid', color: '#1d2330' }, label: { show: false } },
            { xAxis: z }]
        }
      }]
    });
  }

  draw(document.getElementById('chart-emphasis'), function (el) {
    if (!data.pair || !data.emphasis.length) { message(el, 'No comparison rows.'); return; }
    var a = data.pair.a, b = data.pair.b;
    var withZ = data.emphasis.filter(function (r) { return num(r.z_score); });
    if (!withZ.length) { message(el, 'No sector has a z-score.'); return; }
    divergingBars(el, data.emphasis, function (r) { return r.z_score; },
      function (r) { return r.trend === 'stable' ? r.sector : r.sector + ' (' + r.trend + ')'; }, a, b,
      'z-score:  \u2190 more in ' + label(a) + '   |   more in ' + label(b) + ' \u2192',
      function (r) {
        return '<b>' + esc(r.sector) + '</b> (' + esc(r.trend) + ')<br>' + esc(label(a)) + ': ' + r.mentions_a
          + ' mentions, ' + pct(r.share_a) + '<br>' + esc(label(b)) + ': ' + r.mentions_b + ' mentions, '
          + pct(r.share_b) + '<br>\u0394 ' + signed(r.delta_pp, 1) + ' pp, z = ' + signed(r.z_score, 2);
      });
  });

  // ------------------------------------------------------------------ change of share with its interval
  draw(document.getElementById('chart-delta'), function (el) {
    if (!data.pair || !data.emphasis.length) { message(el, 'No comparison rows.'); return; }
    var a = data.pair.a, b = data.pair.b;
    var shown = data.emphasis.filter(function (r) { return num(r.delta_pp); });
    shown.sort(function (x, y) { return y.delta_pp - x.delta_pp; });
    var hasCi = function (r) { return num(r.delta_pp_ci_low) && num(r.delta_pp_ci_high); };
    var clear = function (r) { return hasCi(r) && (r.delta_pp_ci_low > 0 || r.delta_pp_ci_high < 0); };
    var extent = 5;
    shown.forEach(function (r) {
      extent = Math.max(extent, Math.abs(r.delta_pp),
        hasCi(r) ? Math.max(Math.abs(r.delta_pp_ci_low), Math.abs(r.delta_pp_ci_high)) : 0);
    });
    var step = extent <= 10 ? 2 : extent <= 25 ? 5 : extent <= 50 ? 10 : 20;
    extent = Math.ceil(extent / step) * step;
    var names = shown.map(function (r) { return r.sector; });
    var left = labelWidth(names, 13, 280) + 14;
    var interval = function (r) {
      return hasCi(r) ? Math.round((r.confidence || 0) * 100) + '% CI ' + signed(r.delta_pp_ci_low, 1) + ' to '
        + signed(r.delta_pp_ci_high, 1) + ' pp (' + r.n_articles_a + ' vs ' + r.n_articles_b + ' articles)'
        : 'no interval';
    };
    init(el, shown.length * 24 + 110, {
      grid: { left: left, right: 48, top: 30, bottom: 50, containLabel: false },
      tooltip: { trigger: 'item', formatter: function (p) {
        var r = p.data.row;
        return '<b>' + esc(r.sector) + '</b><br>share ' + pct(r.share_a) + ' \u2192 ' + pct(r.share_b) + ', \u0394 '
          + signed(r.delta_pp, 1) + ' pp<br>' + interval(r) + (hasCi(r) && !clear(r) ? '<br>no clear shift' : '');
      } },
      xAxis: merge({ type: 'value', min: -extent, max: extent, interval: step },
        axisName('Change of share (pp):  \u2190 more in ' + label(a) + '   |   more in ' + label(b) + ' \u2192', 30)),
      yAxis: { type: 'category', data: names, inverse: true, axisTick: { show: false },
        axisLine: { show: false }, axisLabel: { fontSize: 13, width: left - 10, overflow: 'truncate' } },
      series: [{
        type: 'bar', barMaxWidth: 16,
        data: shown.map(function (r) {
          return { value: r.delta_pp, row: r,
            itemStyle: { color: colour(r.delta_pp > 0 ? b : a), opacity: clear(r) ? 1 : 0.45 } };
        }),
        markLine: { silent: true, symbol: 'none', label: { show: false },
          data: [{ xAxis: 0, lineStyle: { type: 'solid', color: '#1d2330' } }] }
      }, {
        // The interval as a whisker with end caps, drawn over the bar.
        type: 'custom', z: 3,
        renderItem: function (params, api) {
          var low = api.coord([api.value(0), api.value(2)]);
          var high = api.coord([api.value(1), api.value(2)]);
          var cap = 5;
          var style = { stroke: '#1d2330', lineWidth: 1.5 };
          return { type: 'group', children: [
            { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style: style },
            { type: 'line', shape: { x1: low[0], y1: low[1] - cap, x2: low[0], y2: low[1] + cap }, style: style },
            { type: 'line', shape: { x1: high[0], y1: high[1] - cap, x2: high[0], y2: high[1] + cap }, style: style }
          ] };
        },
        encode: { x: [0, 1], y: 2 },
        data: shown.map(function (r, i) {
          return hasCi(r) ? { value: [r.delta_pp_ci_low, r.delta_pp_ci_high, i], row: r } : null;
        }).filter(function (d) { return d; })
      }]
    });
  });

  // ------------------------------------------------------------------ co-occurrence heatmaps (NPMI)
  function heatmap(el, scope, window_) {
    var rows = data.cooccurrence.filter(function (r) { return r.scope === scope && r.window === window_; });
    if (!rows.length) { message(el, 'No two sectors co-occur in this scope with ' + window_ + ' windows.'); return; }
    var set = {};
    rows.forEach(function (r) { set[r.sector_a] = true; set[r.sector_b] = true; });
    var sectors = Object.keys(set).sort(bySectorOrder);
    var index = {};
    sectors.forEach(function (s, i) { index[s] = i; });
    var cells = [];
    rows.forEach(function (r) {
      var value = num(r.npmi) ? r.npmi : '-';
      cells.push({ value: [index[r.sector_a], index[r.sector_b], value], row: r });
      cells.push({ value: [index[r.sector_b], index[r.sector_a], value], row: r });
    });
    var n = sectors.length;
    var left = labelWidth(sectors, 11, 170) + 12;
    var below = Math.ceil(labelWidth(sectors, 11, 130) * 0.72) + 16;
    var size = Math.max(14, Math.min(n > 12 ? 30 : 40, Math.floor((el.clientWidth - left - 100) / n)));
    init(el, n * size + below + 14, {
      tooltip: {
        formatter: function (p) {
          var r = p.data.row;
          return '<b>' + esc(r.sector_a) + '</b> \u00d7 <b>' + esc(r.sector_b) + '</b><br>NPMI '
            + signed(r.npmi, 2) + '<br>together in ' + r.co_count + ' of ' + r.n_windows + ' ' + esc(r.window)
            + 's<br>' + esc(r.sector_a) + ' in ' + r.count_a + ', ' + esc(r.sector_b) + ' in ' + r.count_b;
        }
      },
      grid: { left: left, top: 10, width: n * size, height: n * size, containLabel: false, show: true,
        backgroundColor: '#e6e6e6', borderWidth: 0 },
      xAxis: { type: 'category', data: sectors, position: 'bottom', splitArea: { show: false },
        axisTick: { show: false }, axisLabel: { rotate: 45, fontSize: 11, width: 130, overflow: 'truncate', interval: 0 } },
      yAxis: { type: 'category', data: sectors, inverse: true, axisTick: { show: false },
        axisLabel: { fontSize: 11, width: left - 8, overflow: 'truncate', interval: 0 } },
      visualMap: {
        type: 'continuous', min: -1, max: 1, orient: 'vertical', left: left + n * size + 18, top: 10,
        itemWidth: 12, itemHeight: Math.max(70, Math.min(160, n * size - 40)),
        text: ['+1 together', '\u22121 apart'], textStyle: { fontSize: 11 }, calculable: false,
        inRange: { color: NPMI_COLOURS }, outOfRange: { color: '#dddddd' }
      },
      series: [{
        type: 'heatmap', data: cells, itemStyle: { borderColor: '#fff', borderWidth: 1 },
        label: { show: n <= 8, fontSize: 10, formatter: function (p) { return signed(p.data.row.npmi, 2); } },
        emphasis: { itemStyle: { borderColor: '#1d2330', borderWidth: 1 } }
      }]
    });
  }

  var windowSelect = document.getElementById('window-select');
  function drawHeatmaps() {
    var w = windowSelect.value;
    // Side by side while the matrices are small; one per row when cells would get too small to read.
    var most = 0;
    data.heatmapScopes.forEach(function (scope) {
      var set = {};
      data.cooccurrence.forEach(function (r) {
        if (r.scope === scope && r.window === w) { set[r.sector_a] = true; set[r.sector_b] = true; }
      });
      most = Math.max(most, Object.keys(set).length);
    });
    document.getElementById('heatmaps').style.gridTemplateColumns = most > 12 ? '1fr' : '';
    Array.prototype.forEach.call(document.querySelectorAll('#heatmaps .chart'), function (el) {
      var existing = echarts.getInstanceByDom(el);
      if (existing) {
        charts.splice(charts.indexOf(existing), 1);
        existing.dispose();
      }
      draw(el, function (box) { heatmap(box, box.getAttribute('data-scope'), w); });
    });
  }
  if (windowSelect) {
    drawHeatmaps();
    windowSelect.addEventListener('change', drawHeatmaps);
  }

  // ------------------------------------------------------------------ distinctive terms (diverging bars)
  draw(document.getElementById('chart-terms'), function (el) {
    var t = data.terms;
    var rows = t.termsB.concat(t.termsA);
    if (!rows.length) { message(el, 'No distinctive terms.'); return; }
    divergingBars(el, rows, function (r) { return r.z_score; }, function (r) { return r.term; }, t.a, t.b,
      'z-score:  \u2190 more in ' + label(t.a) + '   |   more in ' + label(t.b) + ' \u2192',
      function (r) {
        return '<b>' + esc(r.term) + '</b><br>' + esc(label(t.a)) + ': ' + r.count_a + '<br>' + esc(label(t.b)) + ': '
          + r.count_b + '<br>z = ' + signed(r.z_score, 2) + ', q = ' + (num(r.q_value) ? r.q_value.toPrecision(2) : 'n/a');
      });
  });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.body.setAttribute('data-charts', String(charts.length));
  // The drawn page's height, so that a headless browser can take a screenshot of all of it.
  document.body.setAttribute('data-height', String(document.documentElement.scrollHeight));
  document.body.dataset.rendered = failed.length ? 'failed' : 'ok';
})();
