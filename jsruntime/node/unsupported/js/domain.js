// node:domain (deprecated, still shipped by Node 20): domains as EventEmitters that track the active
// domain (domain.active, process.domain) through run, bind, intercept, enter and exit, and hold
// members. Unlike Node's, a domain does not catch what is thrown inside it, synchronously or later:
// pluginhost has no hook into the error paths of timers and emitters to route errors by domain, so
// uncaught errors go where they go without domains (see process). intercept's error-first callbacks
// do emit 'error' on the domain, as in Node.
(function (lib) {
  'use strict';
  const { natives } = lib;
  const EventEmitter = natives.events();

  const stack = [];
  const exports = { _stack: stack, active: null };

  function setActive(d) {
    exports.active = d;
    if (typeof process === 'object' && process !== null) process.domain = d;
  }

  class Domain extends EventEmitter {
    constructor() {
      super();
      this.members = [];
    }
    enter() {
      setActive(this);
      stack.push(this);
    }
    exit() {
      const index = stack.lastIndexOf(this);
      if (index === -1) return;
      stack.splice(index);
      setActive(stack[stack.length - 1]);
    }
    add(ee) {
      if (ee.domain === this) return;
      if (ee.domain) ee.domain.remove(ee);
      ee.domain = this;
      this.members.push(ee);
    }
    remove(ee) {
      ee.domain = null;
      const index = this.members.indexOf(ee);
      if (index !== -1) this.members.splice(index, 1);
    }
    // As in Node, a throwing fn leaves the domain active.
    run(fn, ...args) {
      this.enter();
      const ret = fn.apply(this, args);
      this.exit();
      return ret;
    }
    intercept(cb) {
      const self = this;
      return function intercepted(err, ...args) {
        if (err instanceof Error) {
          err.domainBound = cb;
          err.domainThrown = false;
          err.domain = self;
          self.emit('error', err);
          return undefined;
        }
        return self.run(() => cb.apply(this, args));
      };
    }
    bind(cb) {
      const self = this;
      const bound = function runBound(...args) {
        return self.run(() => cb.apply(this, args));
      };
      bound.domain = this;
      return bound;
    }
  }
  Domain.prototype.members = undefined;
  Object.defineProperty(Domain.prototype, '_errorHandler', {
    value: function _errorHandler(er) {
      er.domain = this;
      er.domainThrown = true;
      return this.emit('error', er);
    },
    writable: true, configurable: true, enumerable: false,
  });

  exports.Domain = Domain;
  exports.create = exports.createDomain = function createDomain() {
    return new Domain();
  };
  return exports;
})
