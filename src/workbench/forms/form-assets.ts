/** The form's own styles: one column, inputs as wide as the screen, so a 390 px phone needs no zoom. */
export const formStyles = `
.swa-form{max-width:40rem}
.swa-form fieldset{border:1px solid #ccc;border-radius:6px;margin:0 0 1rem;padding:.5rem .75rem;min-width:0}
.swa-form .form-section>.rows{border:0;padding:0;margin:0}
.swa-form legend{font-weight:600;padding:0 .25rem}
.swa-form .field{display:flex;flex-direction:column;gap:.25rem;margin:.5rem 0}
.swa-form .field-checkbox{flex-direction:row;align-items:center;flex-wrap:wrap}
.swa-form input:not([type=checkbox]),.swa-form select,.swa-form textarea{width:100%;box-sizing:border-box;font:inherit;font-size:1rem;padding:.4rem}
.swa-form input[type=checkbox]{width:1.25rem;height:1.25rem}
.swa-form .required{color:#b00020;margin-left:.15rem}
.swa-form .row{border-top:1px dashed #ccc;padding:.25rem 0}
.swa-form .row-title{margin:.25rem 0;color:#555}
.swa-form button{font:inherit;padding:.4rem .8rem;margin:.25rem 0}
.swa-form .finding-list{margin:.25rem 0;padding-left:1.25rem;flex-basis:100%}
.swa-form .finding-error{color:#b00020}
.swa-form .finding-warning{color:#8a5a00}
.swa-form .finding-rule{font-size:.85em;color:#555}
`;

/**
 * Adds a row from the list's <template> (the next index in place of __i__) and removes rows.
 * Indexes need not stay consecutive: readFormValues reads the rows in index order.
 */
export const formScript = `(() => {
  if (window.swaFormRows) return;
  window.swaFormRows = true;
  const renumber = (box) => box.querySelectorAll(':scope > .row-list > .row > .row-title').forEach((title, k) => { title.textContent = '第' + (k + 1) + '项'; });
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const add = target && target.closest('[data-add-row]');
    if (add) {
      const box = add.closest('[data-rows]');
      const index = box.dataset.next;
      box.dataset.next = String(Number(index) + 1);
      const row = box.querySelector(':scope > template').content.firstElementChild.cloneNode(true);
      for (const el of row.querySelectorAll('[name], [id], [for], [data-findings-for]')) {
        for (const attr of ['name', 'id', 'for', 'data-findings-for']) {
          if (el.hasAttribute(attr)) el.setAttribute(attr, el.getAttribute(attr).replaceAll('__i__', index));
        }
      }
      box.querySelector(':scope > .row-list').append(row);
      box.querySelector(':scope > .rows-empty')?.remove();
      renumber(box);
      row.querySelector('input, select, textarea')?.focus();
    }
    const remove = target && target.closest('[data-remove-row]');
    if (remove) {
      const box = remove.closest('[data-rows]');
      remove.closest('.row').remove();
      renumber(box);
    }
  });
})();`;
