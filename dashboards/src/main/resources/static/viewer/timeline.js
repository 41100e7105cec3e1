// A ticket's timeline: for each SLA target, the stretches that counted as business time, were
// outside hours, paused or solved, where the deadline fell and why it was met or missed; then the
// ticket's events in order. Persian: RTL, Persian digits, Jalali dates (Intl's Persian calendar).
'use strict';

(function () {
  const body = document.body;
  const lang = body.dataset.lang;
  const rtl = lang === 'fa';
  const zone = body.dataset.zone || 'UTC';
  const texts = document.getElementById('texts').dataset;
  const locale = rtl ? 'fa-IR' : 'en-GB';
  const times = new Intl.DateTimeFormat(rtl ? 'fa-IR-u-ca-persian' : 'en-GB', {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone});
  const integers = new Intl.NumberFormat(locale, {maximumFractionDigits: 0});
  const targetNames = rtl
    ? {first_response: 'نخستین پاسخ', next_response: 'پاسخ بعدی', resolution: 'حل'}
    : {first_response: 'First response', next_response: 'Next response', resolution: 'Resolution'};
  const statusNames = rtl
    ? {achieved: 'برآورده', breached: 'نقض‌شده', running: 'در جریان', paused: 'متوقف', cancelled: 'کنار گذاشته', not_started: 'آغاز نشده'}
    : {achieved: 'met', breached: 'missed', running: 'running', paused: 'paused', cancelled: 'set aside', not_started: 'not started'};
  const kindNames = {counted: texts.counted, outside_hours: texts.outsideHours, paused: texts.paused, solved: texts.solved};

  const time = (iso) => (iso ? times.format(new Date(iso)) : '–');

  function duration(seconds) {
    const minutes = Math.round(Math.abs(seconds) / 60);
    const text = integers.format(Math.floor(minutes / 60)) + (rtl ? ' ساعت ' : 'h ') + integers.format(minutes % 60) + (rtl ? ' دقیقه' : 'm');
    return (seconds < 0 ? '−' : '') + text;
  }

  function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  // English has the engine's sentence; Persian says the same from the numbers.
  function reason(target) {
    if (!rtl) {
      return target.reason;
    }
    const status = statusNames[target.status] || target.status;
    if (target.marginSeconds === null || target.marginSeconds === undefined) {
      return status;
    }
    return status + ': ' + (target.marginSeconds >= 0
      ? duration(target.marginSeconds) + ' پیش از موعد'
      : duration(-target.marginSeconds) + ' پس از موعد');
  }

  function renderTarget(target) {
    const box = element('section', 'target');
    box.dataset.target = target.target;
    const title = element('h3', null, (targetNames[target.target] || target.target) + (target.cycle > 1 ? ' #' + integers.format(target.cycle) : '') + ' · ');
    const met = target.status === 'achieved';
    title.appendChild(element('span', met ? 'met' : (target.status === 'breached' ? 'missed' : ''), statusNames[target.status] || target.status));
    box.appendChild(title);
    box.appendChild(element('p', 'reason', reason(target)));
    const facts = element('p', 'hint');
    facts.textContent = [
      texts.target + ': ' + (target.targetSeconds === null ? '–' : duration(target.targetSeconds)),
      texts.counted + ': ' + duration(target.countedSeconds),
      texts.due + ': ' + time(target.dueAt),
      texts.fulfilled + ': ' + time(target.fulfilledAt),
    ].join(' · ');
    box.appendChild(facts);
    const total = target.segments.reduce((sum, s) => sum + s.seconds, 0) || 1;
    const bar = element('div', 'minutes');
    const list = element('ol', 'timeline');
    for (const segment of target.segments) {
      const part = element('span', segment.kind.replace('_hours', ''));
      part.style.width = (100 * segment.seconds / total) + '%';
      part.title = kindNames[segment.kind] + ' ' + duration(segment.seconds);
      bar.appendChild(part);
      const item = element('li');
      item.appendChild(element('time', null, time(segment.from) + ' – ' + time(segment.to)));
      item.appendChild(document.createTextNode(kindNames[segment.kind] + ' (' + duration(segment.seconds) + ')'));
      list.appendChild(item);
    }
    box.appendChild(bar);
    box.appendChild(list);
    return box;
  }

  function renderEvent(event) {
    const item = element('li');
    item.appendChild(element('time', null, time(event.at)));
    const words = [event.type, event.authorRole, event.status, event.agentId].filter(Boolean).join(' · ');
    item.appendChild(document.createTextNode(words + (event.applied ? '' : ' (ignored: duplicate)')));
    return item;
  }

  async function start() {
    const ticket = body.dataset.ticket;
    const response = await fetch('/api/tickets/' + encodeURIComponent(ticket) + '/timeline', {credentials: 'same-origin'});
    const json = await response.json();
    if (!response.ok) {
      document.getElementById('problem').textContent = response.status === 404 ? texts.none : json.detail;
      return;
    }
    document.getElementById('as-of').textContent = texts.asOf + ' ' + time(json.asOf) + ' · ' + json.policy;
    document.getElementById('targets').replaceChildren(...json.targets.map(renderTarget));
    document.getElementById('events').replaceChildren(...json.events.map(renderEvent));
    body.dataset.loaded = 'true';
  }

  start().catch((error) => {
    document.getElementById('problem').textContent = error.message;
  });
})();
