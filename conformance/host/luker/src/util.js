// Luker's src/util.js, the helpers plugins import from it. Luker reads config.yaml; the harness's fake
// Luker root holds the same values as config.json beside this folder (no YAML parser here), and
// lodash's _.get is reduced to the paths config keys use (dots, [n] and ["name"]).
import fs from 'node:fs';
import process from 'node:process';

let CACHED_CONFIG = null;

function getConfig() {
    CACHED_CONFIG ??= JSON.parse(fs.readFileSync(new URL('../config.json', import.meta.url), 'utf8'));
    return CACHED_CONFIG;
}

function get(object, key, defaultValue) {
    if (object != null && Object.hasOwn(object, key)) return object[key];
    let value = object;
    for (const match of String(key).matchAll(/[^.[\]]+|\[(?:(\d+)|(["'])(.*?)\2)\]/g)) {
        const name = match[1] ?? match[3] ?? match[0];
        value = value == null ? undefined : value[name];
    }
    return value === undefined ? defaultValue : value;
}

export const keyToEnv = (key) => 'SILLYTAVERN_' + String(key).toUpperCase().replace(/\./g, '_');

export function getConfigValue(key, defaultValue = null, typeConverter = null) {
    function _getValue() {
        const envKey = keyToEnv(key);
        if (envKey in process.env) {
            const needsJsonParse = defaultValue && typeof defaultValue === 'object';
            const envValue = process.env[envKey];
            return needsJsonParse ? (tryParse(envValue) ?? defaultValue) : envValue;
        }
        return get(getConfig(), key, defaultValue);
    }

    const value = _getValue();
    switch (typeConverter) {
        case 'number':
            return isNaN(parseFloat(value)) ? defaultValue : parseFloat(value);
        case 'boolean':
            return toBoolean(value);
        default:
            return value;
    }
}

export function delay(ms) {
    return new Promise(resolve => setTimeout(resolve, ms));
}

export function uuidv4() {
    return globalThis.crypto.randomUUID();
}

export function tryParse(str) {
    try {
        return JSON.parse(str);
    } catch {
        return undefined;
    }
}

export function toBoolean(value) {
    if (typeof value === 'string') {
        const trimmedLower = value.trim().toLowerCase();
        if (trimmedLower === 'true') return true;
        if (trimmedLower === 'false') return false;
    }
    return Boolean(value);
}
