// Luker's src/express-common.js: the body parsers are no-op middleware, since Luker's global parsers
// run before every plugin router.
const noopMiddleware = (_req, _res, next) => next();
export const jsonParser = noopMiddleware;
export const urlencodedParser = noopMiddleware;
