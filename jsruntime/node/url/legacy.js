// The legacy url API of Node 20: the Url class, url.parse, url.format, url.resolve and
// url.resolveObject (Node's own lenient algorithm, not the WHATWG one), and urlToHttpOptions. Go
// passes natives (nodeerr's errors, toASCII, toUnicode, querystring) and the exports object.
(function (natives, URL, exports) {
  'use strict';

  let qs;
  const querystring = () => (qs ??= natives.querystring());

  // Protocols that never have a host, whose rest is never escaped, and that always have "//".
  const hostlessProtocol = new Set(['javascript', 'javascript:']);
  const unsafeProtocol = new Set(['javascript', 'javascript:']);
  const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
    'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

  const protocolPattern = /^[a-z0-9.+-]+:/i;
  const portPattern = /:[0-9]*$/;
  const hostPattern = /^\/\/[^@/]+@[^@/]+/;
  // A path alone, without a host, parsed the quick way.
  const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
  const hostnameMaxLen = 255;
  const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
  const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;

  function invalidURL(input) {
    const err = natives.error('TypeError', 'ERR_INVALID_URL', 'Invalid URL');
    err.input = input;
    return err;
  }

  function Url() {
    this.protocol = null;
    this.slashes = null;
    this.auth = null;
    this.host = null;
    this.port = null;
    this.hostname = null;
    this.hash = null;
    this.search = null;
    this.query = null;
    this.pathname = null;
    this.path = null;
    this.href = null;
  }

  function urlParse(url, parseQueryString, slashesDenoteHost) {
    if (url instanceof Url) return url;
    const urlObject = new Url();
    urlObject.parse(url, parseQueryString, slashesDenoteHost);
    return urlObject;
  }

  const isIpv6Hostname = (hostname) => hostname[0] === '[' && hostname[hostname.length - 1] === ']';
  // Whitespace as url.parse trims it: the ASCII controls and space, NBSP and BOM.
  const isWhitespace = (code) => code < 33 || code === 0xa0 || code === 0xfeff;

  // trimAndSlash cuts the whitespace around url and turns backslashes before the query or hash into
  // slashes, noting whether an '@' comes before them and a '#' anywhere.
  function trimAndSlash(url) {
    let hasHash = false;
    let hasAt = false;
    let start = -1;
    let end = -1;
    let rest = '';
    let lastPos = 0;
    for (let i = 0, inWs = false, split = false; i < url.length; ++i) {
      const code = url.charCodeAt(i);
      const ws = isWhitespace(code);
      if (start === -1) {
        if (ws) continue;
        lastPos = start = i;
      } else if (inWs) {
        if (!ws) {
          end = -1;
          inWs = false;
        }
      } else if (ws) {
        end = i;
        inWs = true;
      }
      if (!split) {
        if (code === 0x40 /* @ */) {
          hasAt = true;
        } else if (code === 0x23 /* # */ || code === 0x3f /* ? */) {
          if (code === 0x23) hasHash = true;
          split = true;
        } else if (code === 0x5c /* \ */) {
          if (i - lastPos > 0) rest += url.slice(lastPos, i);
          rest += '/';
          lastPos = i + 1;
        }
      } else if (!hasHash && code === 0x23) {
        hasHash = true;
      }
    }
    if (start !== -1) {
      if (lastPos === start) rest = end === -1 ? url.slice(start) : url.slice(start, end);
      else if (end === -1 && lastPos < url.length) rest += url.slice(lastPos);
      else if (end !== -1 && lastPos < end) rest += url.slice(lastPos, end);
    }
    return { rest, hasHash, hasAt };
  }

  Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
    if (typeof url !== 'string') throw natives.argType('url', ['string'], url);
    let { rest, hasHash, hasAt } = trimAndSlash(url);

    if (!slashesDenoteHost && !hasHash && !hasAt) {
      const simplePath = simplePathPattern.exec(rest);
      if (simplePath) {
        this.path = rest;
        this.href = rest;
        this.pathname = simplePath[1];
        if (simplePath[2]) {
          this.search = simplePath[2];
          this.query = parseQueryString ? querystring().parse(this.search.slice(1)) : this.search.slice(1);
        } else if (parseQueryString) {
          this.search = null;
          this.query = Object.create(null);
        }
        return this;
      }
    }

    let proto = protocolPattern.exec(rest);
    let lowerProto;
    if (proto) {
      proto = proto[0];
      lowerProto = proto.toLowerCase();
      this.protocol = lowerProto;
      rest = rest.slice(proto.length);
    }

    // "//" after the protocol (or first, when slashes denote a host, or before an auth) starts a host,
    // except for the hostless protocols.
    let slashes;
    if (slashesDenoteHost || proto || hostPattern.test(rest)) {
      slashes = rest.charCodeAt(0) === 0x2f && rest.charCodeAt(1) === 0x2f;
      if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
        rest = rest.slice(2);
        this.slashes = true;
      }
    }

    if (!hostlessProtocol.has(lowerProto) && (slashes || (proto && !slashedProtocol.has(proto)))) {
      rest = parseAuthority(this, rest, url);
    }

    if (!unsafeProtocol.has(lowerProto)) rest = autoEscapeStr(rest);

    let questionIdx = -1;
    let hashIdx = -1;
    for (let i = 0; i < rest.length; ++i) {
      const code = rest.charCodeAt(i);
      if (code === 0x23) {
        this.hash = rest.slice(i);
        hashIdx = i;
        break;
      } else if (code === 0x3f && questionIdx === -1) {
        questionIdx = i;
      }
    }
    if (questionIdx !== -1) {
      const queryEnd = hashIdx === -1 ? rest.length : hashIdx;
      this.search = rest.slice(questionIdx, queryEnd);
      this.query = rest.slice(questionIdx + 1, queryEnd);
      if (parseQueryString) this.query = querystring().parse(this.query);
    } else if (parseQueryString) {
      this.search = null;
      this.query = Object.create(null);
    }

    const firstIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx) ? questionIdx : hashIdx;
    if (firstIdx === -1) {
      if (rest.length > 0) this.pathname = rest;
    } else if (firstIdx > 0) {
      this.pathname = rest.slice(0, firstIdx);
    }
    if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) this.pathname = '/';
    if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
    this.href = this.format();
    return this;
  };
  // parseAuthority reads the auth and host from the start of rest and returns what follows. The
  // authority ends at the first '#', '/' or '?'; tabs and newlines in it are dropped, and characters
  // no host has end the host early (they go to the path).
  function parseAuthority(self, rest, url) {
    let hostEnd = -1;
    let atSign = -1;
    let nonHost = -1;
    for (let i = 0; i < rest.length && hostEnd === -1; ++i) {
      switch (rest.charCodeAt(i)) {
        case 0x09: case 0x0a: case 0x0d:
          rest = rest.slice(0, i) + rest.slice(i + 1);
          i -= 1;
          break;
        case 0x20: case 0x22: case 0x25: case 0x27: case 0x3b: case 0x3c: case 0x3e: case 0x5c: case 0x5e:
        case 0x60: case 0x7b: case 0x7c: case 0x7d:
          if (nonHost === -1) nonHost = i;
          break;
        case 0x23: case 0x2f: case 0x3f:
          if (nonHost === -1) nonHost = i;
          hostEnd = i;
          break;
        case 0x40:
          atSign = i;
          nonHost = -1;
          break;
      }
    }
    let start = 0;
    if (atSign !== -1) {
      self.auth = decodeURIComponent(rest.slice(0, atSign));
      start = atSign + 1;
    }
    if (nonHost === -1) {
      self.host = rest.slice(start);
      rest = '';
    } else {
      self.host = rest.slice(start, nonHost);
      rest = rest.slice(nonHost);
    }
    self.parseHost();
    if (typeof self.hostname !== 'string') self.hostname = '';
    const hostname = self.hostname;
    const ipv6 = isIpv6Hostname(hostname);
    if (!ipv6) rest = splitHostname(self, rest, hostname, url);
    self.hostname = self.hostname.length > hostnameMaxLen ? '' : self.hostname.toLowerCase();
    if (self.hostname !== '') {
      if (ipv6) {
        if (forbiddenHostCharsIpv6.test(self.hostname)) throw invalidURL(url);
      } else {
        self.hostname = natives.toASCII(self.hostname);
        if (self.hostname === '' || forbiddenHostChars.test(self.hostname)) throw invalidURL(url);
      }
    }
    self.host = (self.hostname || '') + (self.port ? ':' + self.port : '');
    if (ipv6) {
      self.hostname = self.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = '/' + rest;
    }
    return rest;
  }

  let warnedInvalidPort = false;

  // splitHostname ends the hostname at a character no hostname has ('/', '\', '#', '?', ':'); the
  // rest of it goes to the path. A ':' there is an invalid port, which Node warns about once.
  function splitHostname(self, rest, hostname, url) {
    for (let i = 0; i < hostname.length; ++i) {
      const code = hostname.charCodeAt(i);
      if (code === 0x2f || code === 0x5c || code === 0x23 || code === 0x3f || code === 0x3a) {
        if (!warnedInvalidPort && code === 0x3a) {
          warnedInvalidPort = true;
          globalThis.process?.emitWarning?.(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
            'DeprecationWarning', 'DEP0170');
        }
        self.hostname = hostname.slice(0, i);
        return `/${hostname.slice(i)}${rest}`;
      }
    }
    return rest;
  }

  // autoEscape are the characters url.parse percent-encodes outside javascript: URLs.
  const autoEscape = { 0x09: '%09', 0x0a: '%0A', 0x0d: '%0D', 0x20: '%20', 0x22: '%22', 0x27: '%27', 0x3c: '%3C',
    0x3e: '%3E', 0x5c: '%5C', 0x5e: '%5E', 0x60: '%60', 0x7b: '%7B', 0x7c: '%7C', 0x7d: '%7D' };

  function autoEscapeStr(rest) {
    let escaped = '';
    let last = 0;
    for (let i = 0; i < rest.length; ++i) {
      const replacement = autoEscape[rest.charCodeAt(i)];
      if (replacement) {
        escaped += rest.slice(last, i) + replacement;
        last = i + 1;
      }
    }
    return last === 0 ? rest : escaped + rest.slice(last);
  }

  Url.prototype.parseHost = function parseHost() {
    let host = this.host;
    let port = portPattern.exec(host);
    if (port) {
      port = port[0];
      if (port !== ':') this.port = port.slice(1);
      host = host.slice(0, host.length - port.length);
    }
    if (host) this.hostname = host;
  };

  // authSafe are the characters an auth keeps unescaped when formatted.
  const authSafe = /[A-Za-z0-9!'()*\-._~:]/;

  // encodeAuth percent-encodes an auth as Node's format does (UTF-8, upper-case hex); a surrogate
  // takes the next unit as its pair, whatever it is, as Node's encoder does.
  function encodeAuth(str) {
    let out = '';
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      if (c < 0x80 && authSafe.test(str[i])) {
        out += str[i];
        continue;
      }
      let cp = c;
      if (c >= 0xd800 && c < 0xe000) {
        if (++i >= str.length) throw natives.error('URIError', 'ERR_INVALID_URI', 'URI malformed');
        cp = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      }
      out += encodeURIComponent(String.fromCodePoint(cp)).replace(/%[0-9a-f]{2}/g, (m) => m.toUpperCase());
    }
    return out;
  }

  Url.prototype.format = function format() {
    let auth = this.auth || '';
    if (auth) auth = encodeAuth(auth) + '@';
    let protocol = this.protocol || '';
    let pathname = this.pathname || '';
    let hash = this.hash || '';
    let host = '';
    let query = '';
    if (this.host) {
      host = auth + this.host;
    } else if (this.hostname) {
      host = auth + (this.hostname.includes(':') && !isIpv6Hostname(this.hostname) ? '[' + this.hostname + ']' : this.hostname);
      if (this.port) host += ':' + this.port;
    }
    if (this.query !== null && typeof this.query === 'object') query = querystring().stringify(this.query);
    let search = this.search || (query && '?' + query) || '';
    if (protocol && protocol.charCodeAt(protocol.length - 1) !== 0x3a) protocol += ':';
    pathname = pathname.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
    if (this.slashes || slashedProtocol.has(protocol)) {
      if (this.slashes || host) {
        if (pathname && pathname.charCodeAt(0) !== 0x2f) pathname = '/' + pathname;
        host = '//' + host;
      } else if (protocol.startsWith('file')) {
        host = '//';
      }
    }
    search = search.replace(/#/g, '%23');
    if (hash && hash.charCodeAt(0) !== 0x23) hash = '#' + hash;
    if (search && search.charCodeAt(0) !== 0x3f) search = '?' + search;
    return protocol + host + pathname + search + hash;
  };

  function urlFormat(urlObject, options) {
    if (typeof urlObject === 'string') {
      urlObject = urlParse(urlObject);
    } else if (typeof urlObject !== 'object' || urlObject === null) {
      throw natives.argType('urlObject', ['Object', 'string'], urlObject);
    } else if (urlObject instanceof URL) {
      let fragment = true;
      let unicode = false;
      let search = true;
      let auth = true;
      if (options) {
        if (typeof options !== 'object' || Array.isArray(options)) throw natives.argType('options', ['Object'], options);
        if (options.fragment != null) fragment = Boolean(options.fragment);
        if (options.unicode != null) unicode = Boolean(options.unicode);
        if (options.search != null) search = Boolean(options.search);
        if (options.auth != null) auth = Boolean(options.auth);
      }
      return formatWHATWG(urlObject, fragment, unicode, search, auth);
    }
    return Url.prototype.format.call(urlObject);
  }

  // formatWHATWG is a URL's href without the parts the options leave out, with a Unicode host when
  // asked.
  function formatWHATWG(url, fragment, unicode, search, auth) {
    const u = new URL(url.href);
    let out = u.protocol;
    const hasAuthority = u.href.startsWith(u.protocol + '//');
    if (hasAuthority) {
      out += '//';
      if (auth && (u.username || u.password)) out += u.username + (u.password ? ':' + u.password : '') + '@';
      out += unicode ? natives.toUnicode(u.hostname) + (u.port ? ':' + u.port : '') : u.host;
    }
    out += u.pathname;
    if (search) out += u.search;
    if (fragment) out += u.hash;
    return out;
  }

  function urlResolve(source, relative) {
    return urlParse(source, false, true).resolve(relative);
  }

  Url.prototype.resolve = function resolve(relative) {
    return this.resolveObject(urlParse(relative, false, true)).format();
  };

  function urlResolveObject(source, relative) {
    if (!source) return relative;
    return urlParse(source, false, true).resolveObject(relative);
  }

  Url.prototype.resolveObject = function resolveObject(relative) {
    if (typeof relative === 'string') {
      const rel = new Url();
      rel.parse(relative, false, true);
      relative = rel;
    }
    const result = new Url();
    Object.assign(result, this);
    result.hash = relative.hash;

    // A hash-only (or empty) relative keeps everything else.
    if (relative.href === '') {
      result.href = result.format();
      return result;
    }

    // A protocol-relative reference takes everything but the protocol.
    if (relative.slashes && !relative.protocol) {
      for (const key of Object.keys(relative)) {
        if (key !== 'protocol') result[key] = relative[key];
      }
      if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) result.path = result.pathname = '/';
      result.href = result.format();
      return result;
    }

    if (relative.protocol && relative.protocol !== result.protocol) {
      // Another protocol: a non-slashed one is taken as it is; for a slashed one its path's first
      // segment may be the host.
      if (!slashedProtocol.has(relative.protocol)) {
        Object.assign(result, relative);
        result.href = result.format();
        return result;
      }
      result.protocol = relative.protocol;
      if (!relative.host && !/^file:?$/.test(relative.protocol) && !hostlessProtocol.has(relative.protocol)) {
        const relPath = (relative.pathname || '').split('/');
        while (relPath.length && !(relative.host = relPath.shift()));
        if (!relative.host) relative.host = '';
        if (!relative.hostname) relative.hostname = '';
        if (relPath[0] !== '') relPath.unshift('');
        if (relPath.length < 2) relPath.unshift('');
        result.pathname = relPath.join('/');
      } else {
        result.pathname = relative.pathname;
      }
      result.search = relative.search;
      result.query = relative.query;
      result.host = relative.host || '';
      result.auth = relative.auth;
      result.hostname = relative.hostname || relative.host;
      result.port = relative.port;
      if (result.pathname || result.search) result.path = (result.pathname || '') + (result.search || '');
      result.slashes = result.slashes || relative.slashes;
      result.href = result.format();
      return result;
    }

    const isSourceAbs = result.pathname && result.pathname.charAt(0) === '/';
    const isRelAbs = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
    let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
    const removeAllDots = mustEndAbs;
    let srcPath = (result.pathname && result.pathname.split('/')) || [];
    const relPath = (relative.pathname && relative.pathname.split('/')) || [];
    const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);

    // Without slashes (mailto: and the like) the host is the path's first segment.
    if (noLeadingSlashes) {
      result.hostname = '';
      result.port = null;
      if (result.host) {
        if (srcPath[0] === '') srcPath[0] = result.host;
        else srcPath.unshift(result.host);
      }
      result.host = '';
      if (relative.protocol) {
        relative.hostname = null;
        relative.port = null;
        result.auth = null;
        if (relative.host) {
          if (relPath[0] === '') relPath[0] = relative.host;
          else relPath.unshift(relative.host);
        }
        relative.host = null;
      }
      mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
    }

    if (isRelAbs) {
      if (relative.host || relative.host === '') {
        if (result.host !== relative.host) result.auth = null;
        result.host = relative.host;
        result.port = relative.port;
      }
      if (relative.hostname || relative.hostname === '') {
        if (result.hostname !== relative.hostname) result.auth = null;
        result.hostname = relative.hostname;
      }
      result.search = relative.search;
      result.query = relative.query;
      srcPath = relPath;
    } else if (relPath.length) {
      srcPath.pop();
      srcPath = srcPath.concat(relPath);
      result.search = relative.search;
      result.query = relative.query;
    } else if (relative.search !== null && relative.search !== undefined) {
      // Only a query: the source's path stays.
      if (noLeadingSlashes) {
        result.hostname = result.host = srcPath.shift();
        const authInHost = result.host && result.host.indexOf('@') > 0 && result.host.split('@');
        if (authInHost) {
          result.auth = authInHost.shift();
          result.host = result.hostname = authInHost.shift();
        }
      }
      result.search = relative.search;
      result.query = relative.query;
      if (result.pathname !== null || result.search !== null) {
        result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
      }
      result.href = result.format();
      return result;
    }

    if (!srcPath.length) {
      result.pathname = null;
      result.path = result.search ? '/' + result.search : null;
      result.href = result.format();
      return result;
    }

    // Resolve the dot segments, keeping a trailing slash when the path ended in one or in a dot.
    let last = srcPath.slice(-1)[0];
    const hasTrailingSlash = ((result.host || relative.host || srcPath.length > 1) && (last === '.' || last === '..')) ||
      last === '';
    let up = 0;
    for (let i = srcPath.length - 1; i >= 0; i--) {
      last = srcPath[i];
      if (last === '.') {
        srcPath.splice(i, 1);
      } else if (last === '..') {
        srcPath.splice(i, 1);
        up++;
      } else if (up) {
        srcPath.splice(i, 1);
        up--;
      }
    }
    if (!mustEndAbs && !removeAllDots) {
      while (up--) srcPath.unshift('..');
    }
    if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0].charAt(0) !== '/')) srcPath.unshift('');
    if (hasTrailingSlash && srcPath.join('/').slice(-1) !== '/') srcPath.push('');

    const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0].charAt(0) === '/');
    if (noLeadingSlashes) {
      result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
      const authInHost = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
      if (authInHost) {
        result.auth = authInHost.shift();
        result.host = result.hostname = authInHost.shift();
      }
    }
    mustEndAbs = mustEndAbs || (result.host && srcPath.length);
    if (mustEndAbs && !isAbsolute) srcPath.unshift('');
    if (!srcPath.length) {
      result.pathname = null;
      result.path = null;
    } else {
      result.pathname = srcPath.join('/');
    }
    if (result.pathname !== null || result.search !== null) {
      result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
    }
    result.auth = relative.auth || result.auth;
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  };

  // urlToHttpOptions turns a URL into the options http.request takes.
  function urlToHttpOptions(url) {
    const { hostname, pathname, port, username, password, search } = url;
    const options = Object.assign(Object.create(null), url, {
      protocol: url.protocol,
      hostname: hostname && hostname[0] === '[' ? hostname.slice(1, -1) : hostname,
      hash: url.hash,
      search,
      pathname,
      path: `${pathname || ''}${search || ''}`,
      href: url.href,
    });
    if (port !== '') options.port = Number(port);
    if (username || password) options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
    return options;
  }

  exports.Url = Url;
  exports.parse = urlParse;
  exports.resolve = urlResolve;
  exports.resolveObject = urlResolveObject;
  exports.format = urlFormat;
  exports.urlToHttpOptions = urlToHttpOptions;
});
