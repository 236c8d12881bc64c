// The assert functions of Node 20, over AssertionError and util's deep comparison (natives.deepEqual).
// ns.assert becomes require('assert'); require('assert/strict') is its .strict.
(function (ns, natives) {
  'use strict';
  const { inspect, types } = natives.util;
  const { AssertionError } = ns;
  const isDeepEqual = (a, b) => natives.deepEqual(a, b, false);
  const isDeepStrictEqual = (a, b) => natives.deepEqual(a, b, true);

  const NO_EXCEPTION_SENTINEL = {};
  const isError = (v) => types.isNativeError(v) || v instanceof Error;

  // Errors worded as Node's internal/errors.js words them.
  const missingArgs = () => natives.error('TypeError', 'ERR_MISSING_ARGS', 'The "actual" and "expected" arguments must be specified');
  const ambiguous = (name, reason) => natives.error('TypeError', 'ERR_AMBIGUOUS_ARGUMENT', `The "${name}" argument is ambiguous. ${reason}`);
  const kErrorTypes = 'of type function or an instance of Error, RegExp, or Object';

  function innerFail(obj) {
    if (obj.message instanceof Error) throw obj.message;
    throw new AssertionError(obj);
  }

  // innerOk fails when value is falsy, with a message naming the expression when its source can be
  // read.
  function innerOk(fn, argLen, value, message) {
    if (value) return;
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      message = natives.falsyMessage(fn.name);
    } else if (isError(message)) {
      throw message;
    }
    const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }

  function ok(...args) {
    innerOk(ok, args.length, ...args);
  }
  const assert = ok;

  let warnedFail = false;
  function fail(actual, expected, message, operator, stackStartFn) {
    const argsLen = arguments.length;
    let internalMessage = false;
    if (actual == null && argsLen <= 1) {
      internalMessage = true;
      message = 'Failed';
    } else if (argsLen === 1) {
      message = actual;
      actual = undefined;
    } else {
      if (!warnedFail) {
        warnedFail = true;
        natives.warn('assert.fail() with more than one argument is deprecated. Please use assert.strictEqual() instead or only pass a message.', 'DEP0094');
      }
      if (argsLen === 2) operator = '!=';
    }
    if (message instanceof Error) throw message;
    const err = new AssertionError({
      actual, expected, operator: operator === undefined ? 'fail' : operator, stackStartFn: stackStartFn || fail, message,
    });
    if (internalMessage) err.generatedMessage = true;
    throw err;
  }

  // comparison defines an assertion of two values that fails when pass(actual, expected) is false.
  function comparison(name, operator, pass) {
    const fn = {
      [name]: function (actual, expected, message) {
        if (arguments.length < 2) throw missingArgs();
        if (!pass(actual, expected)) innerFail({ actual, expected, message, operator, stackStartFn: fn });
      },
    }[name];
    return fn;
  }

  // eslint-disable-next-line eqeqeq
  const looseEqual = (a, b) => a == b || (Number.isNaN(a) && Number.isNaN(b));
  const equal = comparison('equal', '==', looseEqual);
  const notEqual = comparison('notEqual', '!=', (a, b) => !looseEqual(a, b));
  const deepEqual = comparison('deepEqual', 'deepEqual', isDeepEqual);
  const notDeepEqual = comparison('notDeepEqual', 'notDeepEqual', (a, b) => !isDeepEqual(a, b));
  const deepStrictEqual = comparison('deepStrictEqual', 'deepStrictEqual', isDeepStrictEqual);
  const notDeepStrictEqual = comparison('notDeepStrictEqual', 'notDeepStrictEqual', (a, b) => !isDeepStrictEqual(a, b));
  const strictEqual = comparison('strictEqual', 'strictEqual', Object.is);
  const notStrictEqual = comparison('notStrictEqual', 'notStrictEqual', (a, b) => !Object.is(a, b));

  // Comparison holds the keys of an error and its expectation that are compared, for the diff.
  class Comparison {
    constructor(obj, keys, actual) {
      for (const key of keys) {
        if (key in obj) {
          if (actual !== undefined && typeof actual[key] === 'string' && types.isRegExp(obj[key]) &&
              obj[key].exec(actual[key]) !== null) {
            this[key] = actual[key];
          } else {
            this[key] = obj[key];
          }
        }
      }
    }
  }

  function compareExceptionKey(actual, expected, key, message, keys, fn) {
    if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
      if (!message) {
        const a = new Comparison(actual, keys);
        const b = new Comparison(expected, keys, actual);
        const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn });
        err.actual = actual;
        err.expected = expected;
        err.operator = fn.name;
        throw err;
      }
      innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    }
  }

  // expectedException checks a thrown value against throws()'s error argument: a RegExp, a class,
  // a validation function or an object of expected properties.
  function expectedException(actual, expected, message, fn) {
    let generatedMessage = false;
    let throwError = false;
    if (typeof expected !== 'function') {
      if (types.isRegExp(expected)) {
        const str = String(actual);
        if (expected.exec(str) !== null) return;
        if (!message) {
          generatedMessage = true;
          message = `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
        }
        throwError = true;
      } else if (typeof actual !== 'object' || actual === null) {
        const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
        err.operator = fn.name;
        throw err;
      } else {
        const keys = Object.keys(expected);
        if (expected instanceof Error) {
          keys.push('name', 'message');
        } else if (keys.length === 0) {
          throw natives.argValue('error', expected, 'may not be an empty object');
        }
        for (const key of keys) {
          if (typeof actual[key] === 'string' && types.isRegExp(expected[key]) && expected[key].exec(actual[key]) !== null) {
            continue;
          }
          compareExceptionKey(actual, expected, key, message, keys, fn);
        }
        return;
      }
    } else if (expected.prototype !== undefined && actual instanceof expected) {
      return;
    } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
      if (!message) {
        generatedMessage = true;
        message = `The error is expected to be an instance of "${expected.name}". Received `;
        if (isError(actual)) {
          const name = (actual.constructor && actual.constructor.name) || actual.name;
          if (expected.name === name) message += 'an error with identical name but a different prototype.';
          else message += `"${name}"`;
          if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
        } else {
          message += `"${inspect(actual, { depth: -1 })}"`;
        }
      }
      throwError = true;
    } else {
      const res = Reflect.apply(expected, {}, [actual]);
      if (res !== true) {
        if (!message) {
          generatedMessage = true;
          const name = expected.name ? `"${expected.name}" ` : '';
          message = `The ${name}validation function is expected to return "true". Received ${inspect(res)}`;
          if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
        }
        throwError = true;
      }
    }
    if (throwError) {
      const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
      err.generatedMessage = generatedMessage;
      throw err;
    }
  }

  function getActual(fn) {
    if (typeof fn !== 'function') throw natives.argType('fn', 'of type function', fn);
    try {
      fn();
    } catch (e) {
      return e;
    }
    return NO_EXCEPTION_SENTINEL;
  }

  // Native promises and promise-likes with then and catch (but not functions with them).
  function checkIsPromise(obj) {
    return types.isPromise(obj) ||
      (obj !== null && typeof obj === 'object' && typeof obj.then === 'function' && typeof obj.catch === 'function');
  }

  async function waitForActual(promiseFn) {
    let resultPromise;
    if (typeof promiseFn === 'function') {
      resultPromise = promiseFn();
      if (!checkIsPromise(resultPromise)) {
        throw natives.error('TypeError', 'ERR_INVALID_RETURN_VALUE',
          `Expected instance of Promise to be returned from the "promiseFn" function but got ${natives.received(resultPromise)}.`);
      }
    } else if (checkIsPromise(promiseFn)) {
      resultPromise = promiseFn;
    } else {
      throw natives.argType('promiseFn', 'of type function or an instance of Promise', promiseFn);
    }
    try {
      await resultPromise;
    } catch (e) {
      return e;
    }
    return NO_EXCEPTION_SENTINEL;
  }

  function expectsError(stackStartFn, actual, error, message) {
    if (typeof error === 'string') {
      if (arguments.length === 4) throw natives.argType('error', kErrorTypes, error);
      if (typeof actual === 'object' && actual !== null) {
        if (actual.message === error) {
          throw ambiguous('error/message', `The error message "${actual.message}" is identical to the message.`);
        }
      } else if (actual === error) {
        throw ambiguous('error/message', `The error "${actual}" is identical to the message.`);
      }
      message = error;
      error = undefined;
    } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
      throw natives.argType('error', kErrorTypes, error);
    }
    if (actual === NO_EXCEPTION_SENTINEL) {
      let details = '';
      if (error && error.name) details += ` (${error.name})`;
      details += message ? `: ${message}` : '.';
      const fnType = stackStartFn === rejects ? 'rejection' : 'exception';
      innerFail({ actual: undefined, expected: error, operator: stackStartFn.name, message: `Missing expected ${fnType}${details}`, stackStartFn });
    }
    if (!error) return;
    expectedException(actual, error, message, stackStartFn);
  }

  function hasMatchingError(actual, expected) {
    if (typeof expected !== 'function') {
      if (types.isRegExp(expected)) return expected.exec(String(actual)) !== null;
      throw natives.argType('expected', 'of type function or an instance of RegExp', expected);
    }
    if (expected.prototype !== undefined && actual instanceof expected) return true;
    if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
    return Reflect.apply(expected, {}, [actual]) === true;
  }

  function expectsNoError(stackStartFn, actual, error, message) {
    if (actual === NO_EXCEPTION_SENTINEL) return;
    if (typeof error === 'string') {
      message = error;
      error = undefined;
    }
    if (!error || hasMatchingError(actual, error)) {
      const details = message ? `: ${message}` : '.';
      const fnType = stackStartFn === doesNotReject ? 'rejection' : 'exception';
      innerFail({
        actual, expected: error, operator: stackStartFn.name,
        message: `Got unwanted ${fnType}${details}\nActual message: "${actual && actual.message}"`, stackStartFn,
      });
    }
    throw actual;
  }

  function throws(promiseFn, ...args) {
    expectsError(throws, getActual(promiseFn), ...args);
  }

  async function rejects(promiseFn, ...args) {
    expectsError(rejects, await waitForActual(promiseFn), ...args);
  }

  function doesNotThrow(fn, ...args) {
    expectsNoError(doesNotThrow, getActual(fn), ...args);
  }

  async function doesNotReject(fn, ...args) {
    expectsNoError(doesNotReject, await waitForActual(fn), ...args);
  }

  function ifError(err) {
    if (err === null || err === undefined) return;
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) message += err.constructor.name;
      else message += err.message;
    } else {
      message += inspect(err);
    }
    const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
    // The new error's stack continues with the frames of the original error.
    const origStack = err.stack;
    if (typeof origStack === 'string') {
      const origStackStart = origStack.search(/\n\s+at /);
      if (origStackStart !== -1) {
        const originalFrames = origStack.slice(origStackStart + 1).split('\n');
        let newFrames = String(newErr.stack).split('\n');
        for (const errFrame of originalFrames) {
          const pos = newFrames.indexOf(errFrame);
          if (pos !== -1) {
            newFrames = newFrames.slice(0, pos);
            break;
          }
        }
        newErr.stack = `${newFrames.join('\n')}\n${originalFrames.join('\n')}`;
      }
    }
    throw newErr;
  }

  function internalMatch(string, regexp, message, fn) {
    if (!types.isRegExp(regexp)) throw natives.argType('regexp', 'an instance of RegExp', regexp);
    const match = fn === assertMatch;
    if (typeof string !== 'string' || (regexp.exec(string) !== null) !== match) {
      if (message instanceof Error) throw message;
      const generatedMessage = !message;
      message = message || (typeof string !== 'string' ?
        `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})` :
        (match ? 'The input did not match the regular expression ' :
          'The input was expected to not match the regular expression ') +
        `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
      const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
      err.generatedMessage = generatedMessage;
      throw err;
    }
  }
  const assertMatch = function match(string, regexp, message) {
    internalMatch(string, regexp, message, assertMatch);
  };
  const doesNotMatch = function doesNotMatch(string, regexp, message) {
    internalMatch(string, regexp, message, doesNotMatch);
  };

  // CallTracker is deprecated in Node 20 and not provided.
  function CallTracker() {
    throw natives.notSupported('assert.CallTracker');
  }

  Object.assign(assert, {
    fail, AssertionError, ok, equal, notEqual, deepEqual, notDeepEqual, deepStrictEqual, notDeepStrictEqual,
    strictEqual, notStrictEqual, throws, rejects, doesNotThrow, doesNotReject, ifError,
    match: assertMatch, doesNotMatch, CallTracker,
  });

  function strict(...args) {
    innerOk(strict, args.length, ...args);
  }
  assert.strict = Object.assign(strict, assert, {
    equal: strictEqual,
    deepEqual: deepStrictEqual,
    notEqual: notStrictEqual,
    notDeepEqual: notDeepStrictEqual,
  });
  assert.strict.strict = assert.strict;

  ns.assert = assert;
});
