// init never yields: the load fails, the neighbours load.
module.exports = {
  info: { id: 'init-spinner', name: 'Init spinner', description: 'init never returns' },
  init() { for (;;) { /* never yields */ } },
};
