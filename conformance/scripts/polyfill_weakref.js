// WeakRef and FinalizationRegistry (polyfills: goja has no weak references, so nothing is ever
// collected, which the tests cannot tell apart from Node); GoError is no global.
const t=(f)=>{try{console.log(f())}catch(e){console.log(e.name+": "+e.message)}};
t(()=>new WeakRef(1)); t(()=>WeakRef(1)); t(()=>String(new WeakRef(Symbol("x")).deref())); t(()=>new WeakRef(Symbol.for("x")));
const target = {}; t(()=>new WeakRef(target).deref() === target);
t(()=>Object.prototype.toString.call(new WeakRef({}))); t(()=>WeakRef.length+" "+WeakRef.prototype.deref.length+" "+WeakRef.name);
t(()=>new FinalizationRegistry(1)); t(()=>FinalizationRegistry(()=>{}));
const r=new FinalizationRegistry(()=>{}); const o={}; const tok={};
t(()=>r.register(1)); t(()=>r.register(o,o)); t(()=>r.register(o,1,"x")); t(()=>r.register(o,1,tok)); t(()=>r.register(o,1)); t(()=>r.unregister("x")); t(()=>r.unregister(tok)); t(()=>r.unregister(tok)); t(()=>r.unregister({}));
t(()=>Object.prototype.toString.call(r)); t(()=>Object.getOwnPropertyNames(FinalizationRegistry.prototype).join()); t(()=>Object.getOwnPropertyNames(WeakRef.prototype).join());
t(()=>WeakRef.prototype.deref.call({})); t(()=>FinalizationRegistry.prototype.register.call({}, {}));
t(()=>FinalizationRegistry.length+" "+r.register.length+" "+r.unregister.length);
t(()=>JSON.stringify(Object.getOwnPropertyDescriptor(globalThis,"WeakRef")));
t(() => ['GoError' in globalThis, typeof GoError].join());
