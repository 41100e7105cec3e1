// The dashboard page: fills the tiles the server laid out with the API's rows, every few seconds.
// Lines are drawn with Apache ECharts (served from this jar); numbers and tables are HTML. In
// Persian the page is right-to-left, digits are Persian and dates Jalali (Intl, not ECharts' langFA).
'use strict';

(function () {
  const body = document.body;
  const dashboardId = body.dataset.dashboard;
  const lang = body.dataset.lang;
  const rtl = lang === 'fa';
  const zone = body.dataset.zone || 'UTC';
  const refreshMillis = Math.min(5000, Number(body.dataset.refresh) || 5000);
  const texts = document.getElementById('texts').dataset;
  const locale = rtl ? 'fa-IR' : 'en-GB';
  const calendarLocale = rtl ? 'fa-IR-u-ca-persian' : 'en-GB';
  const numbers = new Intl.NumberFormat(locale, {maximumFractionDigits: 2});
  const integers = new Intl.NumberFormat(locale, {maximumFractionDigits: 0});
  const percents = new Intl.NumberFormat(locale, {style: 'percent', maximumFractionDigits: 1});
  const days = new Intl.DateTimeFormat(calendarLocale, {year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC'});
  const months = new Intl.DateTimeFormat(calendarLocale, {year: 'numeric', month: 'long', timeZone: 'UTC'});
  const wallTimes = new Intl.DateTimeFormat(calendarLocale, {month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC'});
  const instants = new Intl.DateTimeFormat(calendarLocale, {month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone});
  const clockTimes = new Intl.DateTimeFormat(locale, {hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone});

  const state = {view: null, charts: new Map(), drawn: new Map(), busy: new Set(), loaded: new Set(), failures: 0};
  window.sanjehViewer = state; // for the browser test and for people poking at the page

  // --- formatting -----------------------------------------------------------------------------

  const isRatio = (name) => /(compliance|rate|share|probability)$/.test(name) || /^csat(_low|_high)?$/.test(name) || name === 'dissatisfaction';

  function formatValue(name, type, value) {
    if (value === null || value === undefined || value === '') {
      return '–';
    }
    if (name === 'seconds_to_due') {
      return formatDueIn(value);
    }
    if (typeof value === 'number') {
      if (isRatio(name)) {
        return percents.format(value);
      }
      return Number.isInteger(value) ? integers.format(value) : numbers.format(value);
    }
    if (typeof value === 'boolean') {
      return value ? '✓' : '–';
    }
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return days.format(new Date(value + 'T00:00:00Z'));
    }
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
      // local_* columns and time buckets are the business's wall clock; other times are UTC
      const wallClock = name.startsWith('local_') || name === 'time_bucket';
      return (wallClock ? wallTimes : instants).format(new Date(value + 'Z'));
    }
    // a stored value of a fixed vocabulary (state, status, channel, priority, …) in the page's
    // language; the API keeps the stored value, which filters and drill-downs take
    const titles = state.view && state.view.valueTitles ? state.view.valueTitles[name] : null;
    if (titles && (name === 'driver' || name === 'top_drivers') && typeof value === 'string') {
      return value.split(', ').map((part) => driverTitle(titles, part)).join(rtl ? '، ' : ', ');
    }
    if (titles && typeof value === 'string' && Object.hasOwn(titles, value)) {
      return titles[value];
    }
    return String(value);
  }

  // a model's driver: a feature's title, a categorical one's with its value (channel=email)
  function driverTitle(titles, part) {
    const at = part.indexOf('=');
    const feature = at < 0 ? part : part.slice(0, at);
    const title = Object.hasOwn(titles, feature) ? titles[feature] : feature;
    if (at < 0) {
      return title;
    }
    const value = part.slice(at + 1);
    const vocabulary = {main_channel: 'channel', channel: 'channel', priority: 'priority'}[feature];
    const values = vocabulary && state.view.valueTitles[vocabulary];
    return title + ': ' + (values && Object.hasOwn(values, value) ? values[value] : value);
  }

  function formatDueIn(seconds) {
    const minutes = Math.round(Math.abs(seconds) / 60);
    const text = minutes >= 60
      ? integers.format(Math.floor(minutes / 60)) + (rtl ? ' ساعت ' : 'h ') + integers.format(minutes % 60) + (rtl ? ' دقیقه' : 'm')
      : integers.format(minutes) + (rtl ? ' دقیقه' : ' min');
    if (seconds >= 0) {
      return (rtl ? 'تا ' : 'in ') + text;
    }
    return (rtl ? 'گذشته ' : 'overdue ') + text;
  }

  function bucketLabel(grain, value) {
    if (grain === 'P1M') {
      // the server grouped by the reader's calendar: the bucket is the month's first day
      return months.format(new Date(value + 'T00:00:00Z'));
    }
    if (typeof value === 'string' && value.includes('T')) {
      return wallTimes.format(new Date(value + 'Z'));
    }
    return days.format(new Date(value + 'T00:00:00Z'));
  }

  // --- filters and requests -----------------------------------------------------------------

  const form = document.getElementById('filters');
  const problem = document.getElementById('problem');

  function filterQuery() {
    const query = new URLSearchParams();
    for (const name of ['from', 'to']) {
      const value = form.elements[name].value;
      if (value) {
        query.set(name, value);
      }
    }
    for (const name of ['team', 'channel', 'priority']) {
      for (const value of form.elements[name].value.split(',').map((v) => v.trim()).filter(Boolean)) {
        query.append(name, value);
      }
    }
    query.set('lang', lang);
    return query;
  }

  function restoreFilters() {
    const query = new URLSearchParams(location.search);
    for (const name of ['from', 'to']) {
      form.elements[name].value = query.get(name) || '';
    }
    for (const name of ['team', 'channel', 'priority']) {
      form.elements[name].value = query.getAll(name).join(', ');
    }
  }

  async function api(path, query) {
    const response = await fetch(path + '?' + query.toString(), {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    const json = await response.json();
    if (!response.ok) {
      const error = new Error(json.detail || response.statusText);
      error.problem = json;
      error.status = response.status;
      throw error;
    }
    return json;
  }

  function chartPath(chartId, suffix) {
    return '/api/dashboards/' + encodeURIComponent(dashboardId) + '/charts/' + encodeURIComponent(chartId) + (suffix || '');
  }

  // --- tiles ----------------------------------------------------------------------------------

  function tileOf(chartId) {
    return document.querySelector('section.tile[data-chart="' + CSS.escape(chartId) + '"]');
  }

  async function refreshTile(chart) {
    if (state.busy.has(chart.id)) {
      return; // the last answer is not in yet: never pile requests up on a slow warehouse
    }
    state.busy.add(chart.id);
    const tile = tileOf(chart.id);
    try {
      const data = await api(chartPath(chart.id), filterQuery());
      render(chart, tile.querySelector('.body'), data);
      showSnapshotTime(tile.querySelector('.as-of'), data.snapshotAt);
      tile.classList.remove('failed');
      tile.dataset.rows = String(data.rows.length);
      state.loaded.add(chart.id);
      if (state.allDrawnAt === undefined && state.loaded.size === state.view.charts.length) {
        state.allDrawnAt = performance.now(); // for the first-paint benchmark
      }
      if (!form.elements.from.value && data.from) {
        form.elements.from.placeholder = data.from;
        form.elements.to.placeholder = data.to;
      }
      problem.textContent = '';
    } catch (error) {
      tile.classList.add('failed');
      if (error.status === 400) {
        problem.textContent = error.message;
      } else if (error.status === 401) {
        location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
      } else {
        tile.querySelector('.body').dataset.message = texts.failed;
      }
      state.failures++;
    } finally {
      state.busy.delete(chart.id);
    }
  }

  // A chart read from a dataset snapshot says how recent its figures are (refreshed every minute
  // or five, not every few seconds like the live tables), on the business's clock.
  function showSnapshotTime(note, snapshotAt) {
    note.hidden = !snapshotAt;
    note.textContent = snapshotAt
      ? texts.snapshot + ' ' + clockTimes.format(new Date(snapshotAt))
      : '';
  }

  function render(chart, target, data) {
    if (chart.kind === 'line') {
      renderLine(chart, target, data);
    } else if (chart.kind === 'big_number') {
      renderNumber(chart, target, data);
    } else {
      renderTable(chart, target, data);
    }
  }

  function renderNumber(chart, target, data) {
    const metric = chart.metrics[0];
    const value = data.rows.length ? data.rows[0][metric.name] : null;
    let element = target.querySelector('.number');
    if (!element) {
      element = document.createElement(metric.drills ? 'button' : 'span');
      element.className = 'number';
      element.type = 'button';
      target.replaceChildren(element);
      element.addEventListener('click', () => drill(chart, metric, {}));
    }
    element.textContent = formatValue(metric.name, metric.type, value);
    element.title = metric.title;
  }

  function renderTable(chart, target, data) {
    const fields = chart.columns.length
      ? chart.columns
      : chart.dimensions.concat(chart.metrics);
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const field of fields) {
      const th = document.createElement('th');
      th.textContent = field.title;
      head.appendChild(th);
    }
    const rows = table.createTBody();
    for (const row of data.rows) {
      const tr = rows.insertRow();
      for (const field of fields) {
        const td = tr.insertCell();
        const text = formatValue(field.name, field.type, row[field.name]);
        if (field.name === chart.ticketKey && row[field.name]) {
          td.appendChild(ticketLink(row[field.name]));
        } else if (field.drills && row[field.name]) {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'drill';
          button.textContent = text;
          const at = {};
          for (const dimension of chart.dimensions) {
            at[dimension.name] = row[dimension.name];
          }
          button.addEventListener('click', () => drill(chart, field, at));
          td.appendChild(button);
        } else {
          td.textContent = text;
        }
        if (typeof row[field.name] === 'number') {
          td.className = 'num';
        }
      }
    }
    if (!data.rows.length) {
      const td = rows.insertRow().insertCell();
      td.colSpan = fields.length;
      td.className = 'empty';
      td.textContent = texts.empty;
    }
    target.replaceChildren(table);
  }

  function ticketLink(ticketId) {
    const a = document.createElement('a');
    a.href = '/tickets/' + encodeURIComponent(ticketId) + '?lang=' + lang;
    a.textContent = ticketId;
    a.className = 'ticket';
    return a;
  }

  // --- lines (ECharts) ------------------------------------------------------------------------

  function lineOption(chart, data) {
    const buckets = [...new Set(data.rows.map((r) => r.time_bucket))].sort();
    const index = new Map(buckets.map((b, i) => [b, i]));
    const names = new Set(chart.metrics.map((m) => m.name));
    const series = [];
    // the sample size (n) is drawn as bars on its own axis, e.g. csat_answered under csat
    const counted = chart.metrics.find((m) => m.name.endsWith('_answered'));
    if (chart.dimensions.length) {
      // one line per value of the dimension (e.g. per channel), of the chart's first metric
      const dimension = chart.dimensions[0].name;
      const metric = chart.metrics[0];
      const groups = [...new Set(data.rows.map((r) => r[dimension]))].sort();
      for (const group of groups) {
        const values = new Array(buckets.length).fill(0);
        for (const row of data.rows.filter((r) => r[dimension] === group)) {
          values[index.get(row.time_bucket)] = row[metric.name];
        }
        series.push({name: formatValue(dimension, '', group), type: 'line', smooth: true, showSymbol: buckets.length < 60, data: values, sanjehAt: {[dimension]: group}, sanjehMetric: metric});
      }
    } else {
      const main = chart.metrics[0];
      const column = (name) => buckets.map((b) => {
        const row = data.rows.find((r) => r.time_bucket === b);
        return row ? row[name] : null;
      });
      if (names.has(main.name + '_low') && names.has(main.name + '_high')) {
        const low = column(main.name + '_low');
        const high = column(main.name + '_high');
        const bandTitle = chart.metrics.find((m) => m.name === main.name + '_high').title.replace(/high|بالای/i, '').trim();
        series.push({name: '95% low', type: 'line', stack: 'band', data: low, lineStyle: {opacity: 0}, symbol: 'none', silent: true, tooltip: {show: false}});
        series.push({name: bandTitle, type: 'line', stack: 'band', data: high.map((h, i) => (h === null || low[i] === null ? null : h - low[i])),
          lineStyle: {opacity: 0}, symbol: 'none', areaStyle: {opacity: 0.25}, silent: true});
      }
      series.push({name: main.title, type: 'line', data: column(main.name), connectNulls: false, symbolSize: 7, sanjehMetric: main.drills ? main : counted, sanjehAt: {}});
      // further metrics on the same scale (FCR and reopen rate; tickets and solves) are lines too;
      // bands (_low, _high), sample sizes and metrics on another scale stay in the tooltip
      const band = (m) => /_(low|high)$/.test(m.name) && names.has(m.name.replace(/_(low|high)$/, ''));
      for (const other of chart.metrics.slice(1)) {
        if (!band(other) && other !== counted && isRatio(other.name) === isRatio(main.name)) {
          series.push({name: other.title, type: 'line', data: column(other.name), connectNulls: false, symbolSize: 7, sanjehMetric: other.drills ? other : undefined, sanjehAt: {}});
        }
      }
      if (counted) {
        series.push({name: counted.title, type: 'bar', yAxisIndex: 1, data: column(counted.name), barMaxWidth: 18, itemStyle: {opacity: 0.35}, sanjehMetric: counted, sanjehAt: {}});
      }
    }
    const ratio = isRatio(chart.metrics[0].name);
    const axisNumber = (value) => (ratio ? percents.format(value) : numbers.format(value));
    return {
      animation: false,
      textStyle: {fontFamily: getComputedStyle(document.body).fontFamily},
      grid: {left: 8, right: 8, top: 36, bottom: 8, containLabel: true},
      legend: {type: 'scroll', top: 0, [rtl ? 'right' : 'left']: 0, align: rtl ? 'right' : 'left',
        data: series.filter((s) => !s.silent || s.areaStyle).map((s) => s.name)},
      tooltip: {trigger: 'axis', confine: true, className: rtl ? 'rtl-tooltip' : '',
        extraCssText: rtl ? 'direction: rtl; text-align: right;' : '',
        formatter: (points) => tooltip(chart, data, buckets, points)},
      xAxis: {type: 'category', data: buckets, inverse: rtl, boundaryGap: counted !== undefined && !chart.dimensions.length,
        axisLabel: {formatter: (value) => bucketLabel(chart.timeGrain, value), hideOverlap: true}},
      yAxis: [
        {type: 'value', position: rtl ? 'right' : 'left', scale: !ratio, axisLabel: {formatter: axisNumber}},
        {type: 'value', position: rtl ? 'left' : 'right', splitLine: {show: false}, axisLabel: {formatter: (v) => integers.format(v)}},
      ],
      series: series,
    };
  }

  // Every metric of the bucket, with Persian digits in Persian; built as text nodes, never HTML
  // from the data, then serialised (ECharts takes a string).
  function tooltip(chart, data, buckets, points) {
    if (!points.length) {
      return '';
    }
    const bucket = buckets[points[0].dataIndex];
    const box = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = bucketLabel(chart.timeGrain, bucket);
    box.appendChild(title);
    const rows = chart.dimensions.length
      ? points.filter((p) => p.seriesName).map((p) => [p.seriesName, formatValue(chart.metrics[0].name, '', p.value)])
      : chart.metrics.map((m) => {
        const row = data.rows.find((r) => r.time_bucket === bucket);
        return [m.title, formatValue(m.name, m.type, row ? row[m.name] : null)];
      });
    for (const [name, value] of rows) {
      const line = document.createElement('div');
      line.textContent = name + ': ' + value;
      box.appendChild(line);
    }
    return box.innerHTML;
  }

  function renderLine(chart, target, data) {
    let instance = state.charts.get(chart.id);
    if (!instance) {
      target.replaceChildren();
      instance = echarts.init(target, null, {renderer: 'canvas'});
      state.charts.set(chart.id, instance);
      instance.on('click', (event) => {
        const drawn = state.drawn.get(chart.id);
        const series = drawn.series[event.seriesIndex];
        const bucket = drawn.xAxis.data[event.dataIndex];
        drill(chart, series.sanjehMetric, Object.assign({time_bucket: bucket}, series.sanjehAt || {}));
      });
    }
    const option = lineOption(chart, data);
    state.drawn.set(chart.id, option); // what each series stands for, for the click's drill-down
    instance.setOption(option, {notMerge: true});
    target.classList.toggle('empty', data.rows.length === 0);
    target.dataset.message = data.rows.length ? '' : texts.empty;
  }

  // --- drill-down -----------------------------------------------------------------------------

  const dialog = document.getElementById('drill');
  document.getElementById('drill-close').addEventListener('click', () => dialog.close());

  async function drill(chart, metric, at) {
    const note = document.getElementById('drill-note');
    const target = document.getElementById('drill-body');
    document.getElementById('drill-title').textContent = chart.title + ' · ' + (metric ? metric.title : '');
    target.replaceChildren();
    note.textContent = '';
    if (!metric || !metric.drills) {
      note.textContent = texts.noList;
      dialog.showModal();
      return;
    }
    const query = filterQuery();
    query.set('metric', metric.name);
    for (const [name, value] of Object.entries(at)) {
      query.set('at.' + name, value);
    }
    dialog.showModal();
    try {
      const list = await api(chartPath(chart.id, '/tickets'), query);
      const counted = list.numerator === null || list.numerator === undefined
        ? ''
        : integers.format(list.numerator) + ' ' + texts.rate + ' ';
      note.textContent = counted + integers.format(list.rows.length) + ' ' + texts.tickets + (list.truncated ? ' · ' + texts.truncated : '');
      const fields = list.columns.map((name) => ({name: name, title: columnTitle(chart, name), type: ''}));
      renderTable({columns: fields, dimensions: [], metrics: [], ticketKey: list.columns[0]}, target, list);
      dialog.dataset.rows = String(list.rows.length);
    } catch (error) {
      note.textContent = error.message;
    }
  }

  function columnTitle(chart, name) {
    const known = chart.columns.concat(chart.dimensions).find((f) => f.name === name);
    return known ? known.title : (state.view.columnTitles[name] || name);
  }

  // --- export ---------------------------------------------------------------------------------

  function exportTile(chart) {
    const link = document.createElement('a');
    if (chart.kind === 'line') {
      link.href = state.charts.get(chart.id).getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#fff'});
      link.download = chart.id + '.png';
    } else {
      link.href = chartPath(chart.id, '/csv') + '?' + filterQuery().toString();
      link.download = chart.id + '.csv';
    }
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  // --- start ----------------------------------------------------------------------------------

  function refreshAll() {
    if (document.hidden) {
      return;
    }
    state.view.charts.forEach(refreshTile);
    document.getElementById('live').title = texts.updated + ' ' + new Date().toLocaleTimeString(locale);
  }

  async function start() {
    restoreFilters();
    const query = new URLSearchParams({lang: lang});
    state.view = await api('/api/dashboards/' + encodeURIComponent(dashboardId), query);
    for (const chart of state.view.charts) {
      tileOf(chart.id).querySelector('.export').addEventListener('click', () => exportTile(chart));
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const query = filterQuery();
      history.replaceState(null, '', location.pathname + '?' + query.toString());
      const other = new URLSearchParams(query);
      other.set('lang', rtl ? 'en' : 'fa');
      document.getElementById('switch').href = location.pathname + '?' + other.toString();
      refreshAll();
    });
    window.addEventListener('resize', () => state.charts.forEach((c) => c.resize()));
    refreshAll();
    setInterval(refreshAll, refreshMillis);
  }

  start().catch((error) => {
    problem.textContent = error.message;
  });
})();
