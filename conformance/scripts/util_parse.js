// util.parseArgs and util.parseEnv against Node: options, short groups, negation, defaults, tokens,
// strict-mode errors and configuration errors; .env quoting, comments, export and odd lines.
const { parseArgs, parseEnv, inspect } = require('util');

function show(label, fn) {
  try {
    console.log(label, '->', inspect(fn(), { depth: 4 }));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, JSON.stringify(e.message));
  }
}

const options = {
  verbose: { type: 'boolean', short: 'v' },
  color: { type: 'boolean' },
  name: { type: 'string', short: 'n' },
  out: { type: 'string', short: 'o', default: 'a.out' },
  tag: { type: 'string', short: 't', multiple: true },
  level: { type: 'boolean', short: 'l', multiple: true, default: [false] },
};
const p = (args, extra = {}) => () => parseArgs({ args, options, ...extra });

show('long and short', p(['--verbose', '-n', 'bob', '--out=x.js']));
show('short group', p(['-vl', '-lv']));
show('group with value', p(['-vnbob']));
show('short with inline value', p(['-ofile', '-t', 'a', '-tb']));
show('multiple', p(['--tag', 'a', '--tag=b', '-t', 'c']));
show('terminator', p(['-v', '--', '--name', 'x'], { allowPositionals: true }));
show('positionals', p(['a', '-v', 'b'], { allowPositionals: true }));
show('tokens', p(['-vn', 'x', 'pos', '--', '-z'], { tokens: true, allowPositionals: true }));
show('negative', p(['--no-color', '--verbose', '--no-verbose'], { allowNegative: true }));
show('negative tokens', p(['--no-color'], { allowNegative: true, tokens: true }));
show('non-strict', p(['--unknown', '-x', '--name', '--what=1', 'pos'], { strict: false }));
show('non-strict negative unknown', p(['--no-thing'], { strict: false, allowNegative: true }));
show('empty', () => parseArgs({ args: [] }));
show('proto', () => parseArgs({ args: ['--__proto__', 'x'], strict: false }));

show('unknown long', p(['--nope']));
show('unknown short', p(['-z']));
show('unknown with positionals', p(['--nope'], { allowPositionals: true }));
show('negative of string', p(['--no-name'], { allowNegative: true }));
show('negative not allowed', p(['--no-color']));
show('missing value', p(['--name']));
show('missing short value', p(['-n']));
show('boolean with value', p(['--verbose=yes']));
show('ambiguous long', p(['--name', '-v']));
show('ambiguous short', p(['-n', '--verbose']));
show('inline dash ok', p(['--name=-v', '-n-x']));
show('positional refused', p(['pos']));

show('args not array', () => parseArgs({ args: 'x' }));
show('strict not boolean', () => parseArgs({ args: [], strict: 1 }));
show('tokens not boolean', () => parseArgs({ args: [], tokens: 'yes' }));
show('options not object', () => parseArgs({ args: [], options: [] }));
show('option not object', () => parseArgs({ args: [], options: { a: true } }));
show('bad type', () => parseArgs({ args: [], options: { a: { type: 'number' } } }));
show('bad short', () => parseArgs({ args: [], options: { a: { type: 'string', short: 'ab' } } }));
show('short not string', () => parseArgs({ args: [], options: { a: { type: 'string', short: 1 } } }));
show('multiple not boolean', () => parseArgs({ args: [], options: { a: { type: 'string', multiple: 'y' } } }));
show('bad default', () => parseArgs({ args: [], options: { a: { type: 'string', default: 1 } } }));
show('bad multiple default', () => parseArgs({ args: [], options: { a: { type: 'boolean', multiple: true, default: [true, 'x'] } } }));

const envs = [
  'A=1\nB=2', 'B=1\nA=2\nC=3', 'A=1\r\nB = two  \n', 'export A=x', 'export  A=1', 'A: colon', 'A="multi\nline"\nB=c',
  "A='single\\nq'", 'A="dq\\nx"', 'A=`back tick`', 'A=val # comment', 'A="val # not"', '# c\nA=1', 'A=', 'A', '=x',
  ' A = spaced ', 'A="unterminated\nB=2', 'A=1\nA=2', 'A.b-c=1', 'a b=1', 'A="x" trailing', "A='it''s'",
  'A=  "  padded  "  ', 'A=#hash', 'A=x#y', 'KEY="a\\"b"', 'A={"json":1}', '\n\nA=1\n\n', 'A=1\rB=2', 'A="x\r\ny"',
  'A=a=b=c', '  # comment\n  A=1', 'A="\\n\\n"', 'ñ=1', 'A=ñ', 'A=1 \t', 'A="x"\nB="y" z\nC=3', "A='open\nB=2",
  'A="open', 'A=\'open', 'A=1\n=2\nB=3', 'A=1\n   =2\nB=3', '#=x', 'A=   \nB=1', 'A="x"', 'A=\n',
];
for (const e of envs) show('parseEnv ' + JSON.stringify(e), () => parseEnv(e));
show('parseEnv null proto', () => Object.getPrototypeOf(parseEnv('A=1')) === Object.prototype);
show('parseEnv(1)', () => parseEnv(1));
