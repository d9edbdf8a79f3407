// The only script of the workbench, and optional: every page works without it. It is kept as a string here (served
// as /web/assets/web.js) so the lint and type-check of the app do not apply browser globals to server code.
export const webScript = `
document.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.selectAll) return;
  const form = box.form ?? box.closest('form');
  if (!form) return;
  for (const item of form.querySelectorAll('input[type="checkbox"][name="' + box.dataset.selectAll + '"]')) item.checked = box.checked;
});
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
  if (form.dataset.sent === 'yes') event.preventDefault();
  else setTimeout(() => (form.dataset.sent = 'yes'), 0);
});
document.addEventListener('click', (event) => {
  const button = event.target;
  if (button instanceof HTMLElement && button.dataset.print !== undefined) window.print();
});
`;
