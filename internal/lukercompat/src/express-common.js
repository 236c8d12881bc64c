// Stand-in for Luker's src/express-common.js: the body parsers plugins import are no-op middleware,
// as in current Luker, because the host's global parsers have already run.
(function (exports) {
    'use strict';
    const noopMiddleware = (_req, _res, next) => next();
    exports.jsonParser = noopMiddleware;
    exports.urlencodedParser = noopMiddleware;
})
