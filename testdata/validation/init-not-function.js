module.exports = { info: { id: 'init-not-function', name: 'x', description: 'x' }, init: 'soon' };
