// AssertionError, with the messages Node 20 generates: "a !== b" for short primitives, and otherwise
// a line diff of the two values as inspectValue renders them (+ actual, - expected), collapsing runs
// of identical lines as Node does.
(function (ns, natives) {
  'use strict';
  const { inspectValue } = ns;

  const kReadableOperator = {
    deepStrictEqual: 'Expected values to be strictly deep-equal:',
    strictEqual: 'Expected values to be strictly equal:',
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: 'Expected values to be loosely deep-equal:',
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notIdentical: 'Values have same structure but are not reference-equal:',
    notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
  };

  // Short primitives are compared inline ("1 !== 2") rather than diffed.
  const kMaxShortLength = 12;
  // Node measures the terminal; pluginhost has none, which Node treats as 80 columns.
  const kColumns = 80;

  const isObjectLike = (v) => typeof v === 'object' && v !== null;

  function copyError(source) {
    const target = Object.assign(Object.create(Object.getPrototypeOf(source)), source);
    Object.defineProperty(target, 'message', { value: source.message });
    return target;
  }

  // collapse keeps the first 46 of more than 50 lines, as Node shows one large value.
  function collapse(lines) {
    if (lines.length > 50) {
      lines[46] = '...';
      lines.length = 47;
    }
    return lines;
  }

  function createErrDiff(actual, expected, operator, message) {
    let other = '';
    let res = '';
    let end = '';
    let skipped = false;
    const actualInspected = inspectValue(actual);
    const actualLines = actualInspected.split('\n');
    const expectedLines = inspectValue(expected).split('\n');
    let i = 0;
    let indicator = '';

    // Two objects or two functions are explicitly not reference-equal.
    if (operator === 'strictEqual' &&
        ((isObjectLike(actual) && isObjectLike(expected)) ||
         (typeof actual === 'function' && typeof expected === 'function'))) {
      operator = 'strictEqualObject';
    }

    if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
      const inputLength = actualLines[0].length + expectedLines[0].length;
      if (inputLength <= kMaxShortLength) {
        if (!isObjectLike(actual) && !isObjectLike(expected) && (actual !== 0 || expected !== 0)) {
          return `${message || kReadableOperator[operator]}\n\n${actualLines[0]} !== ${expectedLines[0]}\n`;
        }
      } else if (operator !== 'strictEqualObject' && inputLength < kColumns) {
        // A caret under the first difference of two short single lines.
        while (actualLines[0][i] === expectedLines[0][i]) i++;
        if (i > 2) {
          indicator = `\n  ${' '.repeat(i)}^`;
          i = 0;
        }
      }
    }

    // Identical trailing lines are dropped, up to three kept for context.
    let a = actualLines[actualLines.length - 1];
    let b = expectedLines[expectedLines.length - 1];
    while (a === b) {
      if (i++ < 3) end = `\n  ${a}${end}`;
      else other = a;
      actualLines.pop();
      expectedLines.pop();
      if (actualLines.length === 0 || expectedLines.length === 0) break;
      a = actualLines[actualLines.length - 1];
      b = expectedLines[expectedLines.length - 1];
    }

    const maxLines = Math.max(actualLines.length, expectedLines.length);
    if (maxLines === 0) {
      // Equal renderings of values that are not equal, e.g. { a: Symbol() } twice.
      return `${kReadableOperator.notIdentical}\n\n${collapse(actualInspected.split('\n')).join('\n')}\n`;
    }
    if (i >= 5) {
      end = `\n...${end}`;
      skipped = true;
    }
    if (other !== '') {
      end = `\n  ${other}${end}`;
      other = '';
    }

    let printedLines = 0;
    let identical = 0;
    const msg = `${message || kReadableOperator[operator]}\n+ actual - expected`;
    const skippedMsg = ' ... Lines skipped';
    let lines = actualLines;
    let plusMinus = '+';
    let maxLength = expectedLines.length;
    if (actualLines.length < maxLines) {
      lines = expectedLines;
      plusMinus = '-';
      maxLength = actualLines.length;
    }

    // printIdentical shows the identical lines before line i: all of up to five, else the first
    // (already printed) and the last two with "..." between.
    const printIdentical = (from) => {
      if (identical > 2) {
        if (identical > 3) {
          if (identical > 4) {
            if (identical === 5) {
              res += `\n  ${from[i - 3]}`;
              printedLines++;
            } else {
              res += '\n...';
              skipped = true;
            }
          }
          res += `\n  ${from[i - 2]}`;
          printedLines++;
        }
        res += `\n  ${from[i - 1]}`;
        printedLines++;
      }
      identical = 0;
    };

    for (i = 0; i < maxLines; i++) {
      if (maxLength < i + 1) {
        // Only one side has lines left.
        printIdentical(lines);
        if (lines === actualLines) res += `\n${plusMinus} ${lines[i]}`;
        else other += `\n${plusMinus} ${lines[i]}`;
        printedLines++;
      } else {
        const expectedLine = expectedLines[i];
        let actualLine = actualLines[i];
        // Lines that differ only by a trailing comma are the same line.
        let divergingLines = actualLine !== expectedLine &&
          (!actualLine.endsWith(',') || actualLine.slice(0, -1) !== expectedLine);
        if (divergingLines && expectedLine.endsWith(',') && expectedLine.slice(0, -1) === actualLine) {
          divergingLines = false;
          actualLine += ',';
        }
        if (divergingLines) {
          printIdentical(actualLines);
          // Consecutive differing lines show as +++--- rather than +-+-+-.
          res += `\n+ ${actualLine}`;
          other += `\n- ${expectedLine}`;
          printedLines += 2;
        } else {
          res += other;
          other = '';
          identical++;
          if (identical <= 2) {
            res += `\n  ${actualLine}`;
            printedLines++;
          }
        }
      }
      if (printedLines > 50 && i < maxLines - 2) {
        return `${msg}${skippedMsg}\n${res}\n...${other}\n...`;
      }
    }
    return `${msg}${skipped ? skippedMsg : ''}\n${res}${other}${end}${indicator}`;
  }

  function generatedMessage(actual, expected, operator) {
    if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      return createErrDiff(actual, expected, operator);
    }
    if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      // The values are equal but should not be: show one of them.
      let base = kReadableOperator[operator];
      const res = collapse(inspectValue(actual).split('\n'));
      if (operator === 'notStrictEqual' && (isObjectLike(actual) || typeof actual === 'function')) {
        base = kReadableOperator.notStrictEqualObject;
      }
      if (res.length === 1) return `${base}${res[0].length > 5 ? '\n\n' : ' '}${res[0]}`;
      return `${base}\n\n${res.join('\n')}\n`;
    }
    let res = inspectValue(actual);
    let other = inspectValue(expected);
    const knownOperator = kReadableOperator[operator];
    if (operator === 'notDeepEqual' && res === other) {
      res = `${knownOperator}\n\n${res}`;
      if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
      return res;
    }
    if (res.length > 512) res = `${res.slice(0, 509)}...`;
    if (other.length > 512) other = `${other.slice(0, 509)}...`;
    if (operator === 'deepEqual') {
      res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
    } else {
      const newOp = kReadableOperator[`${operator}Unequal`];
      if (newOp) res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
      else other = ` ${operator} ${other}`;
    }
    return `${res}${other}`;
  }

  class AssertionError extends Error {
    constructor(options) {
      if (options === null || typeof options !== 'object') {
        throw natives.argType('options', 'of type object', options);
      }
      const { message, operator, stackStartFn, details, stackStartFunction } = options;
      let { actual, expected } = options;
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      let text;
      if (message != null) {
        text = operator === 'deepStrictEqual' || operator === 'strictEqual' ?
          createErrDiff(actual, expected, operator, message) : String(message);
      } else {
        // Two errors are compared without their stacks.
        if (isObjectLike(actual) && isObjectLike(expected) && 'stack' in actual && actual instanceof Error &&
            'stack' in expected && expected instanceof Error) {
          actual = copyError(actual);
          expected = copyError(expected);
        }
        text = generatedMessage(actual, expected, operator);
      }
      super(text);
      Error.stackTraceLimit = limit;
      this.generatedMessage = !message;
      Object.defineProperty(this, 'name', {
        value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true,
      });
      this.code = 'ERR_ASSERTION';
      if (details) {
        this.actual = undefined;
        this.expected = undefined;
        this.operator = undefined;
        for (let i = 0; i < details.length; i++) {
          this['message ' + i] = details[i].message;
          this['actual ' + i] = details[i].actual;
          this['expected ' + i] = details[i].expected;
          this['operator ' + i] = details[i].operator;
          this['stack trace ' + i] = details[i].stack;
        }
      } else {
        this.actual = actual;
        this.expected = expected;
        this.operator = operator;
      }
      // The stack starts at the caller of the assertion, its first line naming the code.
      if (typeof Error.captureStackTrace === 'function') {
        Error.captureStackTrace(this, stackStartFn || stackStartFunction);
      }
      this.stack; // eslint-disable-line no-unused-expressions
      this.name = 'AssertionError';
    }

    toString() {
      return `${this.name} [${this.code}]: ${this.message}`;
    }
  }

  ns.AssertionError = AssertionError;
});
