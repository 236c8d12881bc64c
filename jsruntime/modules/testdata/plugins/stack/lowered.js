async function* g() { yield 1; }


exports.boom = function () {
  throw new Error('lowered boom');
};
