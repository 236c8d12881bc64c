// node:diagnostics_channel, after Node 20's lib/diagnostics_channel.js: named channels with
// subscribers, store binding (runStores, through AsyncLocalStorage.run) and tracing channels.
// Channels live as long as the runtime (Node drops unused ones through weak references), and a
// subscriber that throws is logged on the next tick (Node reports it as an uncaught exception).
(function (natives) {
  'use strict';

  function validateFunction(fn, name) {
    if (typeof fn !== 'function') throw natives.argType(name, 'of type function', fn);
  }

  function reportLater(err) {
    process.nextTick(() => natives.report(err));
  }

  const channels = new Map();

  function markActive(channel) {
    Object.setPrototypeOf(channel, ActiveChannel.prototype);
    channel._subscribers = [];
    channel._stores = new Map();
  }

  function maybeMarkInactive(channel) {
    if (!channel._subscribers.length && !channel._stores.size) {
      Object.setPrototypeOf(channel, Channel.prototype);
      channel._subscribers = undefined;
      channel._stores = undefined;
    }
  }

  function defaultTransform(data) {
    return data;
  }

  function wrapStoreRun(store, data, next, transform = defaultTransform) {
    return () => {
      let context;
      try {
        context = transform(data);
      } catch (err) {
        reportLater(err);
        return next();
      }
      return store.run(context, next);
    };
  }

  class ActiveChannel {
    subscribe(subscription) {
      validateFunction(subscription, 'subscription');
      this._subscribers = this._subscribers.slice();
      this._subscribers.push(subscription);
    }

    unsubscribe(subscription) {
      const index = this._subscribers.indexOf(subscription);
      if (index === -1) return false;
      this._subscribers = this._subscribers.slice(0, index).concat(this._subscribers.slice(index + 1));
      maybeMarkInactive(this);
      return true;
    }

    bindStore(store, transform) {
      this._stores.set(store, transform);
    }

    unbindStore(store) {
      if (!this._stores.has(store)) return false;
      this._stores.delete(store);
      maybeMarkInactive(this);
      return true;
    }

    get hasSubscribers() {
      return true;
    }

    publish(data) {
      const subscribers = this._subscribers;
      for (let i = 0; i < (subscribers?.length || 0); i++) {
        try {
          subscribers[i](data, this.name);
        } catch (err) {
          reportLater(err);
        }
      }
    }

    runStores(data, fn, thisArg, ...args) {
      let run = () => {
        this.publish(data);
        return Reflect.apply(fn, thisArg, args);
      };
      for (const [store, transform] of this._stores.entries()) {
        run = wrapStoreRun(store, data, run, transform);
      }
      return run();
    }
  }

  class Channel {
    constructor(name) {
      this._subscribers = undefined;
      this._stores = undefined;
      this.name = name;
      channels.set(name, this);
    }

    static [Symbol.hasInstance](instance) {
      const prototype = Object.getPrototypeOf(instance);
      return prototype === Channel.prototype || prototype === ActiveChannel.prototype;
    }

    subscribe(subscription) {
      markActive(this);
      this.subscribe(subscription);
    }

    unsubscribe() {
      return false;
    }

    bindStore(store, transform) {
      markActive(this);
      this.bindStore(store, transform);
    }

    unbindStore() {
      return false;
    }

    get hasSubscribers() {
      return false;
    }

    publish() {}

    runStores(data, fn, thisArg, ...args) {
      return Reflect.apply(fn, thisArg, args);
    }
  }

  function channel(name) {
    const existing = channels.get(name);
    if (existing) return existing;
    if (typeof name !== 'string' && typeof name !== 'symbol') {
      throw natives.argType('channel', 'one of type string or symbol', name);
    }
    return new Channel(name);
  }

  function subscribe(name, subscription) {
    return channel(name).subscribe(subscription);
  }

  function unsubscribe(name, subscription) {
    return channel(name).unsubscribe(subscription);
  }

  function hasSubscribers(name) {
    const existing = channels.get(name);
    if (!existing) return false;
    return existing.hasSubscribers;
  }

  const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

  function tracingChannelFrom(nameOrChannels, name) {
    if (typeof nameOrChannels === 'string') return channel(`tracing:${nameOrChannels}:${name}`);
    if (typeof nameOrChannels === 'object' && nameOrChannels !== null) {
      const c = nameOrChannels[name];
      if (!(c instanceof Channel)) throw natives.argType(`nameOrChannels.${name}`, 'an instance of Channel', c);
      return c;
    }
    throw natives.argType('nameOrChannels', 'of type string or an instance of TracingChannel or Object', nameOrChannels);
  }

  class TracingChannel {
    constructor(nameOrChannels) {
      for (const eventName of traceEvents) {
        Object.defineProperty(this, eventName, { value: tracingChannelFrom(nameOrChannels, eventName) });
      }
    }

    get hasSubscribers() {
      return this.start.hasSubscribers || this.end.hasSubscribers || this.asyncStart.hasSubscribers ||
        this.asyncEnd.hasSubscribers || this.error.hasSubscribers;
    }

    subscribe(handlers) {
      for (const name of traceEvents) {
        if (!handlers[name]) continue;
        this[name]?.subscribe(handlers[name]);
      }
    }

    unsubscribe(handlers) {
      let done = true;
      for (const name of traceEvents) {
        if (!handlers[name]) continue;
        if (!this[name]?.unsubscribe(handlers[name])) done = false;
      }
      return done;
    }

    traceSync(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
      const { start, end, error } = this;
      return start.runStores(context, () => {
        try {
          const result = Reflect.apply(fn, thisArg, args);
          context.result = result;
          return result;
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }

    tracePromise(fn, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
      const { start, end, asyncStart, asyncEnd, error } = this;
      function reject(err) {
        context.error = err;
        error.publish(context);
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return Promise.reject(err);
      }
      function resolve(result) {
        context.result = result;
        asyncStart.publish(context);
        asyncEnd.publish(context);
        return result;
      }
      return start.runStores(context, () => {
        try {
          let promise = Reflect.apply(fn, thisArg, args);
          if (!(promise instanceof Promise)) promise = Promise.resolve(promise);
          return promise.then(resolve, reject);
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }

    traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
      if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
      const { start, end, asyncStart, asyncEnd, error } = this;
      function wrappedCallback(err, res) {
        if (err) {
          context.error = err;
          error.publish(context);
        } else {
          context.result = res;
        }
        asyncStart.runStores(context, () => {
          try {
            return Reflect.apply(callback, this, arguments);
          } finally {
            asyncEnd.publish(context);
          }
        });
      }
      const callback = args.at(position);
      validateFunction(callback, 'callback');
      args.splice(position, 1, wrappedCallback);
      return start.runStores(context, () => {
        try {
          return Reflect.apply(fn, thisArg, args);
        } catch (err) {
          context.error = err;
          error.publish(context);
          throw err;
        } finally {
          end.publish(context);
        }
      });
    }
  }

  function tracingChannel(nameOrChannels) {
    return new TracingChannel(nameOrChannels);
  }

  return {
    channel,
    hasSubscribers,
    subscribe,
    tracingChannel,
    unsubscribe,
    Channel,
  };
})
