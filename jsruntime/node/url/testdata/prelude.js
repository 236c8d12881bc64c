// Helpers shared by gen.js (under Node) and the Go test (under goja): each case is an expression whose
// JSON form is compared.
function props(u) {
  return {
    href: u.href, origin: u.origin, protocol: u.protocol, username: u.username, password: u.password,
    host: u.host, hostname: u.hostname, port: u.port, pathname: u.pathname, search: u.search,
    hash: u.hash, params: u.searchParams.toString(),
  };
}
function failure(e) {
  return { name: e.name, code: e.code, message: e.message, input: e.input, base: e.base };
}
function parse(input, base) {
  try {
    return props(base === undefined ? new URL(input) : new URL(input, base));
  } catch (e) {
    return failure(e);
  }
}
function set(href, prop, value) {
  const u = new URL(href);
  try {
    u[prop] = value;
  } catch (e) {
    return failure(e);
  }
  return props(u);
}
function attempt(fn) {
  try {
    return fn();
  } catch (e) {
    return failure(e);
  }
}
function out(v) {
  return String(JSON.stringify(v));
}
