// util.parseArgs: Node 20's command-line parser (options, short groups, --, negation, defaults,
// tokens) with its ERR_PARSE_ARGS_* and argument errors. Go passes natives (nodeerr's errors) and the
// exports object.
(function (natives, exports) {
  'use strict';

  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const own = (o, k) => (hasOwn(o, k) ? o[k] : undefined);
  // optionOwn is a property of the configuration of option name, when both are own properties.
  const optionOwn = (options, name, prop) => (hasOwn(options, name) ? own(options[name], prop) : undefined);

  const argType = (name, expected, value) => natives.argType(name, expected, value);
  const parseError = (code, message) => natives.error('TypeError', code, message);

  function validateObject(value, name) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw argType(name, ['Object'], value);
  }
  function validateArray(value, name) {
    if (!Array.isArray(value)) throw argType(name, ['Array'], value);
  }
  function validateString(value, name) {
    if (typeof value !== 'string') throw argType(name, ['string'], value);
  }
  function validateBoolean(value, name) {
    if (typeof value !== 'boolean') throw argType(name, ['boolean'], value);
  }
  const validateArrayOf = (check) => (value, name) => {
    validateArray(value, name);
    for (let i = 0; i < value.length; i++) check(value[i], `${name}[${i}]`);
  };

  // The main arguments are process.argv after the executable and the script.
  function mainArgs() {
    const argv = globalThis.process?.argv;
    return Array.isArray(argv) ? argv.slice(2) : [];
  }

  // longFor is the long name of the option whose short name is short, or short itself.
  function longFor(short, options) {
    validateObject(options, 'options');
    for (const [name, config] of Object.entries(options)) {
      if (own(config, 'short') === short) return name;
    }
    return short;
  }

  const takesValue = (options, name) => optionOwn(options, name, 'type') === 'string';
  const isLoneShort = (arg) => arg.length === 2 && arg[0] === '-' && arg[1] !== '-';
  const isLoneLong = (arg) => arg.length > 2 && arg.startsWith('--') && !arg.includes('=', 3);
  const isLongWithValue = (arg) => arg.length > 2 && arg.startsWith('--') && arg.includes('=', 3);
  const isShortCluster = (arg) => arg.length > 2 && arg[0] === '-' && arg[1] !== '-';
  const looksLikeOption = (value) => value != null && value.length > 1 && value[0] === '-';

  // tokenize turns args into Node's tokens: options (name, rawName, index, value, inlineValue),
  // positionals and the option terminator. A short cluster (-abc) expands to its options, the first
  // string option in it taking the rest of the cluster as its value.
  function tokenize(args, options) {
    const tokens = [];
    const rest = args.slice();
    let index = -1;
    let expanded = 0;
    while (rest.length > 0) {
      const arg = rest.shift();
      const next = rest[0];
      if (expanded > 0) expanded--;
      else index++;

      if (arg === '--') {
        tokens.push({ kind: 'option-terminator', index });
        for (const value of rest) tokens.push({ kind: 'positional', index: ++index, value });
        break;
      }
      if (isLoneShort(arg)) {
        const name = longFor(arg[1], options);
        let value;
        let inlineValue;
        if (takesValue(options, name) && next != null) {
          value = rest.shift();
          inlineValue = false;
        }
        tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
        if (value != null) index++;
        continue;
      }
      if (isShortCluster(arg)) {
        if (!takesValue(options, longFor(arg[1], options))) {
          const shorts = [];
          for (let i = 1; i < arg.length; i++) {
            if (!takesValue(options, longFor(arg[i], options)) || i === arg.length - 1) {
              shorts.push(`-${arg[i]}`);
            } else {
              shorts.push(`-${arg.slice(i)}`);
              break;
            }
          }
          rest.unshift(...shorts);
          expanded = shorts.length;
          continue;
        }
        const name = longFor(arg[1], options);
        tokens.push({ kind: 'option', name, rawName: `-${arg[1]}`, index, value: arg.slice(2), inlineValue: true });
        continue;
      }
      if (isLoneLong(arg)) {
        const name = arg.slice(2);
        let value;
        let inlineValue;
        if (takesValue(options, name) && next != null) {
          value = rest.shift();
          inlineValue = false;
        }
        tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
        if (value != null) index++;
        continue;
      }
      if (isLongWithValue(arg)) {
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq);
        tokens.push({ kind: 'option', name, rawName: `--${name}`, index, value: arg.slice(eq + 1), inlineValue: true });
        continue;
      }
      tokens.push({ kind: 'positional', index, value: arg });
    }
    return tokens;
  }

  function unknownOption(rawName, allowPositionals) {
    const hint = allowPositionals ? ". To specify a positional argument starting with a '-', place it at the end " +
      `of the command after '--', as in '-- ${JSON.stringify(rawName)}` : '';
    return parseError('ERR_PARSE_ARGS_UNKNOWN_OPTION', `Unknown option '${rawName}'${hint}`);
  }

  // checkUsage is strict mode's check of an option token against the configuration.
  function checkUsage(config, token) {
    let name = token.name;
    if (!hasOwn(config.options, name)) {
      const negated = config.allowNegative && name.startsWith('no-') ? name.slice(3) : undefined;
      if (negated === undefined || !hasOwn(config.options, negated) || optionOwn(config.options, negated, 'type') !== 'boolean') {
        throw unknownOption(token.rawName, config.allowPositionals);
      }
      name = negated;
    }
    const short = optionOwn(config.options, name, 'short');
    const usage = `${short ? `-${short}, ` : ''}--${name}`;
    const type = optionOwn(config.options, name, 'type');
    if (type === 'string' && typeof token.value !== 'string') {
      throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${usage} <value>' argument missing`);
    }
    if (type === 'boolean' && token.value != null) {
      throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${usage}' does not take an argument`);
    }
    if (!token.inlineValue && looksLikeOption(token.value)) {
      const example = token.rawName.startsWith('--') ? `'${token.rawName}=-XYZ'` : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
      throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${token.rawName}' argument is ambiguous.\n` +
        `Did you forget to specify the option argument for '${token.rawName}'?\n` +
        `To specify an option argument starting with a dash use ${example}.`);
    }
  }

  function store(token, options, values, allowNegative) {
    let name = token.name;
    let value = token.value;
    if (name === '__proto__') return;
    if (allowNegative && name.startsWith('no-') && value === undefined) {
      name = name.slice(3);
      token.name = name;
      value = false;
    }
    const stored = value ?? true;
    if (optionOwn(options, name, 'multiple')) {
      if (values[name]) values[name].push(stored);
      else values[name] = [stored];
    } else {
      values[name] = stored;
    }
  }

  function validateConfig(options) {
    validateObject(options, 'options');
    for (const [name, config] of Object.entries(options)) {
      validateObject(config, `options.${name}`);
      const type = own(config, 'type');
      if (type !== 'string' && type !== 'boolean') throw argType(`options.${name}.type`, ["('string|boolean')"], type);
      if (hasOwn(config, 'short')) {
        const short = config.short;
        validateString(short, `options.${name}.short`);
        if (short.length !== 1) throw natives.argValue(`options.${name}.short`, short, 'must be a single character');
      }
      const multiple = own(config, 'multiple');
      if (hasOwn(config, 'multiple')) validateBoolean(multiple, `options.${name}.multiple`);
      const dflt = own(config, 'default');
      if (dflt !== undefined) {
        const check = type === 'string' ? validateString : validateBoolean;
        (multiple ? validateArrayOf(check) : check)(dflt, `options.${name}.default`);
      }
    }
  }

  function parseArgs(config = {}) {
    const args = own(config, 'args') ?? mainArgs();
    const strict = own(config, 'strict') ?? true;
    const allowPositionals = own(config, 'allowPositionals') ?? !strict;
    const returnTokens = own(config, 'tokens') ?? false;
    const allowNegative = own(config, 'allowNegative') ?? false;
    const options = own(config, 'options') ?? Object.create(null);
    validateArray(args, 'args');
    validateBoolean(strict, 'strict');
    validateBoolean(allowPositionals, 'allowPositionals');
    validateBoolean(returnTokens, 'tokens');
    validateBoolean(allowNegative, 'allowNegative');
    validateConfig(options);

    const tokens = tokenize(args, options);
    const result = { values: Object.create(null), positionals: [] };
    if (returnTokens) result.tokens = tokens;
    const usage = { options, allowPositionals, allowNegative };
    for (const token of tokens) {
      if (token.kind === 'option') {
        if (strict) checkUsage(usage, token);
        store(token, options, result.values, allowNegative);
      } else if (token.kind === 'positional') {
        if (!allowPositionals) {
          throw parseError('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
            `Unexpected argument '${token.value}'. This command does not take positional arguments`);
        }
        result.positionals.push(token.value);
      }
    }
    for (const [name, optionConfig] of Object.entries(options)) {
      const dflt = own(optionConfig, 'default');
      if (dflt !== undefined && result.values[name] === undefined && name !== '__proto__') result.values[name] = dflt;
    }
    return result;
  }

  exports.parseArgs = parseArgs;
});
