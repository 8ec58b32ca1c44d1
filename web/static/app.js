// congtac: a small comfort layer over pages that work without it (DESIGN §4). No framework,
// no file from elsewhere, no inline script or eval: the Content-Security-Policy allows only
// this site's own files. It adds three things:
//   (a) org and person pickers: above each <select data-org-picker> or data-picker, and
//       each list of checkboxes (.check-list) with a data-picker, a box
//       that narrows the options as one types, diacritics ignored ("tai chinh" finds "Sở
//       Tài chính"), on their text and then through the search (GET /api/v1/search);
//   (b) deadline fields: under each <input data-deadline data-ref="YYYY-MM-DD">, the date
//       the server understands from the phrase typed (GET /api/v1/deadlines), in Vietnamese;
//   (c) confirmations: a form with data-confirm="…" asks before it is sent.
'use strict';

// fold returns s as a search key, like vn.Fold on the server: decomposed, combining marks
// removed, đ as d, lower case.
function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

// labelOf returns the words of the label of a field, to name the box that helps fill it:
// only the label's own text, since a label wrapping a select also holds its options. A
// list of checkboxes is named by its fieldset's legend.
function labelOf(field) {
  const label = field.tagName === 'SELECT' ? field.labels && field.labels[0] : (field.closest('fieldset') || field).querySelector('legend');
  const words = label ? Array.from(label.childNodes, (n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : '')) : [];
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

// choicesOf returns the choices of a picker, a select's options or a list's checkboxes,
// each with the element to hide, its value, its text and whether it is chosen.
function choicesOf(field) {
  const items = field.tagName === 'SELECT' ? Array.from(field.options, (o) => [o, o]) : Array.from(field.querySelectorAll('label'), (l) => [l, l.querySelector('input')]);
  return items.map(([el, c]) => ({ el: el, value: c.value, text: el.textContent, chosen: () => c.selected || c.checked }));
}

// orgPicker puts a filter box above a select, or above a list of checkboxes: choices with
// a word starting with each word typed stay, and 250 ms later those the search found (short
// names too). Chosen ones and the empty choice always stay; offline or on a refusal the
// local filter stays.
function orgPicker(field) {
  const box = document.createElement('input');
  box.type = 'search';
  box.className = 'org-filter';
  box.placeholder = 'Gõ để lọc, không cần dấu';
  box.setAttribute('aria-label', 'Lọc danh sách ' + labelOf(field));
  const target = field.tagName === 'SELECT' ? field.id : (field.closest('fieldset') || field).id;
  if (target) {
    box.setAttribute('aria-controls', target);
  }
  const choices = choicesOf(field);
  const keys = choices.map((c) => ' ' + fold(c.text).replace(/[^a-z0-9]+/g, ' '));
  const kind = field.dataset.picker || 'org';
  const show = (keep) => {
    choices.forEach((c, i) => {
      c.el.hidden = !c.chosen() && c.value !== '' && !keep(c, i);
    });
  };
  let [timer, asked] = [0, 0];
  box.addEventListener('input', () => {
    const words = fold(box.value).split(/[^a-z0-9]+/).filter(Boolean);
    const near = (i) => words.every((w) => keys[i].includes(' ' + w));
    show((c, i) => near(i));
    clearTimeout(timer);
    const mine = ++asked;
    timer = words.length && setTimeout(() => {
      fetch('/api/v1/search?kind=' + kind + '&limit=200&q=' + encodeURIComponent(box.value), { credentials: 'same-origin' })
        .then((res) => (res.ok ? res.json() : Promise.reject(new Error(res.statusText))))
        .then((body) => {
          const found = new Set(body.results.map((r) => String(r.id)));
          return mine === asked && show((c, i) => found.has(c.value) || near(i));
        })
        .catch(() => {}); // offline or signed out: the local filter stays
    }, 250);
  });
  // Enter in the box must not send the form half filled.
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
    }
  });
  // Outside a label that wraps the select, which would otherwise take the box as its field.
  const before = field.closest('label') || field;
  before.parentNode.insertBefore(box, before);
}

// dayText writes "2023-06-30" as schedules do: "30/06/2023".
function dayText(iso) {
  const [y, m, d] = iso.split('-');
  return d + '/' + m + '/' + y;
}

// understood says in Vietnamese what the server made of a phrase: the day and, when the
// deadline is a month, quarter or year, that period; the repetition; or why it cannot be.
function understood(d) {
  if (d.error) {
    return d.error;
  }
  if (d.recurrence_label) {
    return '→ ' + d.recurrence_label;
  }
  if (d.vague) {
    return '→ Chưa có ngày cụ thể; cụm từ được giữ nguyên.';
  }
  if (!d.due.date) {
    return '';
  }
  const day = dayText(d.due.date);
  return '→ ' + day + (d.due.precision === 'day' ? '' : ' (' + d.due.label + ')');
}

// deadlineField shows, under input, what its phrase means, asking the server 300 ms after
// the last keystroke, in the page's output for the input or a new one; the latest answer wins.
function deadlineField(input) {
  const out = (input.form || document).querySelector(`output.deadline-shown[for="${input.id}"]`) || document.createElement('output');
  out.classList.add('deadline-shown'); // the server's reading, when it wrote one, is read again here
  out.setAttribute('aria-live', 'polite');
  if (input.id) {
    out.setAttribute('for', input.id);
  }
  input.insertAdjacentElement('afterend', out);
  let [timer, asked] = [0, 0];
  const show = async () => {
    const text = input.value.trim();
    const n = ++asked;
    if (text === '') {
      out.textContent = '';
      return;
    }
    const query = new URLSearchParams({ text: text, ref: input.dataset.ref || '' });
    try {
      const resp = await fetch('/api/v1/deadlines?' + query, { headers: { Accept: 'application/json' } });
      const body = await resp.json();
      if (n !== asked) {
        return; // a later keystroke asked again
      }
      const failed = !resp.ok || Boolean(body.error);
      out.textContent = resp.ok ? understood(body) : body.message || '';
      out.classList.toggle('field-error', failed);
    } catch (err) {
      out.textContent = ''; // offline or signed out: the form still works without it
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(show, 300);
  });
  if (input.value.trim() !== '') {
    show();
  }
}

// A form with data-confirm asks first; cancelling sends nothing.
document.addEventListener('submit', (e) => {
  const message = e.target.dataset && e.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    e.preventDefault();
  }
});

document.querySelectorAll('select[data-org-picker], select[data-picker], .check-list[data-picker]').forEach(orgPicker);
document.querySelectorAll('input[data-deadline]').forEach(deadlineField);
