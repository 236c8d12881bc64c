// assert(value) with a falsy value and no message names the expression, read from this file.
'use strict';
const assert = require('assert');
const strict = require('assert/strict');

function message(fn) {
  try {
    fn();
  } catch (e) {
    return `${JSON.stringify(e.message)} ${e.generatedMessage} ${e.operator} ${e.actual} ${e.expected}`;
  }
  return 'passed';
}

module.exports = async function main() {
  const x = 2;
  const obj = { list: [1, 2] };
  console.log(message(() => assert(x === 1)));
  console.log(message(() => assert.ok(typeof x === 'string')));
  console.log(message(() => assert.ok(obj.list.includes(3), undefined)));
  console.log(message(() => strict(x > 5)));
  console.log(message(() => strict.ok(null)));
  console.log(message(() => assert  (x < 0)));
  console.log(message(() => assert(
    x === 3 &&
      obj.list.length === 2,
  )));
  console.log(message(() => assert(`a${x}b` === ')(', null)));
  console.log(message(() => assert(`a${x}b` === ')(')));
  console.log(message(() => assert(/* comment ) */ x === 9 // trailing )
  )));
  console.log(message(() => assert(['\u0007'].includes(String(x)))));
  console.log(message(() => assert(obj.list.every((n) => n > 1))));
  console.log(message(() => assert(0)));
  console.log(message(() => assert.ok(false)));
  console.log(message(() => assert(x === 2)));
};
