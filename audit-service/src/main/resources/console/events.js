// Searching the audit log: the filter form as query parameters, and the events as DOM nodes. Event data comes from
// every service and may hold anything a user typed: it is only ever set as text (textContent), never as HTML.

/** The form's field names, as the API names its query parameters. */
const TEXT_FILTERS = ['subject', 'type', 'source', 'actor', 'correlationId', 'email'];
const TIME_FILTERS = ['from', 'to'];

/**
 * The filled-in filters of a form as URLSearchParams. Times come from datetime-local fields (the browser's time
 * zone) and are sent as ISO-8601 instants in UTC, which is what the API asks for.
 */
export function filtersOf(form) {
  const params = new URLSearchParams();
  for (const name of TEXT_FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) {
      params.set(name, value);
    }
  }
  for (const name of TIME_FILTERS) {
    const value = form.elements[name].value;
    if (value) {
      params.set(name, new Date(value).toISOString());
    }
  }
  return params;
}

export function searchPath(filters, limit, cursor) {
  const params = new URLSearchParams(filters);
  params.set('limit', String(limit));
  if (cursor) {
    params.set('cursor', cursor);
  }
  return `/api/audit/events?${params}`;
}

/** The export endpoint with the same filters (no paging: the export streams every matching event). */
export function exportPath(filters, format) {
  const params = new URLSearchParams(filters);
  params.set('format', format);
  return `/api/audit/events/export?${params}`;
}

export function eventPath(eventId) {
  return `/api/audit/events/${encodeURIComponent(eventId)}`;
}

export function storyPath(correlationId) {
  return `/api/audit/events/story/${encodeURIComponent(correlationId)}`;
}

/**
 * One table row per event: time, type, source, subject, actor, and the correlation id as a button that opens its
 * story. The first cell's button opens the event.
 */
export function eventRows(events, { onOpen, onStory }) {
  return events.map((event) => {
    const row = document.createElement('tr');
    row.dataset.eventId = event.eventId;
    row.append(
      cell(button('Open', 'open-event', () => onOpen(event.eventId))),
      cell(text(event.occurredAt)),
      cell(code(event.type)),
      cell(text(event.source)),
      cell(code(event.subject)),
      cell(code(event.actorId)),
      cell(event.correlationId ? button(event.correlationId, 'follow-story', () => onStory(event.correlationId)) : text('')),
    );
    return row;
  });
}

/** The fields of one event as a definition list, and its data as indented JSON. */
export function eventDetails(event) {
  const list = document.createElement('dl');
  const fields = [
    ['Event id', event.eventId],
    ['Type', event.type],
    ['Source', event.source],
    ['Subject', event.subject],
    ['Actor', event.actorId],
    ['Correlation id', event.correlationId],
    ['Occurred at', event.occurredAt],
    ['Received at', event.receivedAt],
  ];
  for (const [label, value] of fields) {
    const term = document.createElement('dt');
    term.textContent = label;
    const description = document.createElement('dd');
    description.textContent = value ?? '';
    description.dataset.field = label;
    list.append(term, description);
  }
  const data = document.createElement('pre');
  data.className = 'event-data';
  data.textContent = event.personalDataErased
    ? 'Personal data erased: the subject\u2019s key was destroyed (crypto-shredding).'
    : JSON.stringify(event.data, null, 2);
  return [list, data];
}

/** The story of a correlation id, oldest first, each event openable. */
export function storyItems(events, { onOpen }) {
  return events.map((event) => {
    const item = document.createElement('li');
    item.dataset.eventId = event.eventId;
    item.append(
      text(`${event.occurredAt} `),
      code(event.type),
      text(` from ${event.source} `),
      button('Open', 'open-event', () => onOpen(event.eventId)),
    );
    return item;
  });
}

function cell(child) {
  const td = document.createElement('td');
  td.append(child);
  return td;
}

function text(value) {
  return document.createTextNode(value ?? '');
}

function code(value) {
  const element = document.createElement('code');
  element.textContent = value ?? '';
  return element;
}

function button(label, className, onClick) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}
