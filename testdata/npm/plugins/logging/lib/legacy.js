// A small library inside the plugin that deprecates parts of its API with depd. depd reports the
// first caller outside this file, found through V8's call-site API.
const depd = require('depd');

const deprecate = depd('npm-logging');

function oldApi(x) {
    return x * 2;
}

const settings = {};
Object.defineProperty(settings, 'legacy', { value: 7, configurable: true, enumerable: true, writable: true });
deprecate.property(settings, 'legacy', 'settings.legacy is going away');

module.exports = {
    oldApi: deprecate.function(oldApi, 'oldApi() is replaced by newApi()'),
    helper() {
        deprecate('helper() is deprecated');
        return 'helped';
    },
    // No message: depd names the function from the call site.
    legacyCompute: deprecate.function(function legacyCompute(n) {
        return n + 1;
    }),
    settings,
};
