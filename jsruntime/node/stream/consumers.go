package stream

import (
	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/jsruntime"
)

// consumersScript is 'stream/consumers': each function drains a Node stream, a web ReadableStream or
// any async iterable and returns a promise of its whole content. It uses the runtime's Blob,
// TextDecoder and Buffer globals, as Node's does.
var consumersScript = jsruntime.NewScript("node:stream/consumers", `(function (exports) {
  'use strict';
  // each feeds every chunk of an async iterable to fn (goja has no for await).
  async function each(stream, fn) {
    const it = stream[Symbol.asyncIterator]();
    for (;;) {
      const step = await it.next();
      if (step.done) return;
      fn(step.value);
    }
  }
  async function blob(stream) {
    const chunks = [];
    await each(stream, (chunk) => chunks.push(chunk));
    return new Blob(chunks);
  }
  async function arrayBuffer(stream) {
    return (await blob(stream)).arrayBuffer();
  }
  async function buffer(stream) {
    return Buffer.from(await arrayBuffer(stream));
  }
  async function text(stream) {
    const decoder = new TextDecoder();
    let out = '';
    await each(stream, (chunk) => {
      out += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    });
    return out + decoder.decode(undefined, { stream: false });
  }
  async function json(stream) {
    return JSON.parse(await text(stream));
  }
  Object.assign(exports, { arrayBuffer, blob, buffer, text, json });
})`)

// RequireConsumers returns the 'stream/consumers' module for rt. Must be called on the loop.
func RequireConsumers(rt *jsruntime.Runtime) (goja.Value, error) {
	return consumersScript.Instance(rt, nil)
}
