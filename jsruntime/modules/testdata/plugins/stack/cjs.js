exports.info = { id: 'stack-cjs' };

exports.boom = function () {
  throw new Error('cjs boom');
};
