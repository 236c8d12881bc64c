// Stand-in for Luker's src/util.js: the helpers plugins import from it, with Luker's behaviour.
// host.config(key) is the value at key in the host's config.yaml, undefined when there is none.
(function (host, exports) {
    'use strict';

    const keyToEnv = (key) => 'SILLYTAVERN_' + String(key).toUpperCase().replace(/\./g, '_');

    function tryParse(str) {
        try {
            return JSON.parse(str);
        } catch {
            return undefined;
        }
    }

    function toBoolean(value) {
        if (typeof value === 'string') {
            const trimmedLower = value.trim().toLowerCase();
            if (trimmedLower === 'true') return true;
            if (trimmedLower === 'false') return false;
        }
        return Boolean(value);
    }

    function getConfigValue(key, defaultValue = null, typeConverter = null) {
        function getValue() {
            const envKey = keyToEnv(key);
            if (envKey in process.env) {
                const needsJsonParse = defaultValue && typeof defaultValue === 'object';
                const envValue = process.env[envKey];
                return needsJsonParse ? (tryParse(envValue) ?? defaultValue) : envValue;
            }
            const value = host.config(String(key));
            return value === undefined ? defaultValue : value;
        }

        const value = getValue();
        switch (typeConverter) {
            case 'number':
                return isNaN(parseFloat(value)) ? defaultValue : parseFloat(value);
            case 'boolean':
                return toBoolean(value);
            default:
                return value;
        }
    }

    function delay(ms) {
        return new Promise(resolve => setTimeout(resolve, ms));
    }

    function uuidv4() {
        return globalThis.crypto.randomUUID();
    }

    Object.assign(exports, { keyToEnv, getConfigValue, delay, uuidv4, tryParse, toBoolean });
})
