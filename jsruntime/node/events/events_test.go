package events

import (
	"testing"

	"github.com/dop251/goja"

	"github.com/pluginhost/pluginhost/internal/jstest"
)

// run evaluates src with EventEmitter and done(s) as globals, waits for the value it may evaluate to
// and returns what it passed to done.
func run(t *testing.T, src string) string {
	t.Helper()
	var out string
	rt := jstest.New(t, jstest.Global("EventEmitter", Require), jstest.Set("done", func(s string) { out = s }))
	jstest.Await(t, rt, src)
	return out
}

func TestEmitterBasics(t *testing.T) {
	got := run(t, `
		const log = [];
		const e = new EventEmitter();
		e.on('newListener', (name) => log.push('new:' + name));
		const a = (x) => log.push('a' + x);
		e.on('x', a);
		e.prependListener('x', (x) => log.push('p' + x));
		e.once('x', (x) => log.push('o' + x));
		e.emit('x', 1);
		e.emit('x', 2);
		e.off('x', a);
		e.emit('x', 3);
		log.push(e.listenerCount('x'), e.listeners('x').length, e.emit('nothing'));
		e.removeAllListeners('x');
		log.push(e.listenerCount('x'));
		done(log.join(','));
	`)
	want := "new:x,new:x,new:x,p1,a1,o1,p2,a2,p3,1,1,false,0"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestUnhandledErrorThrows(t *testing.T) {
	got := run(t, `
		const e = new EventEmitter();
		let msg;
		try { e.emit('error', new Error('boom')) } catch (err) { msg = err.message }
		try { e.emit('error', 'str') } catch (err) { msg += '|' + err.code + ':' + err.message }
		try { e.on('x', 5) } catch (err) { msg += '|' + err.code }
		done(msg);
	`)
	want := "boom|ERR_UNHANDLED_ERROR:Unhandled error. ('str')|ERR_INVALID_ARG_TYPE"
	if got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestOncePromise(t *testing.T) {
	got := run(t, `
		const e = new EventEmitter();
		const p = EventEmitter.once(e, 'ready').then((args) => done(args.join('+')));
		e.emit('ready', 'a', 'b');
		p;
	`)
	if got != "a+b" {
		t.Errorf("got %s", got)
	}
	got = run(t, `
		const e = new EventEmitter();
		const p = EventEmitter.once(e, 'ready').catch((err) => done('rejected ' + err.message));
		e.emit('error', new Error('bad'));
		p;
	`)
	if got != "rejected bad" {
		t.Errorf("got %s", got)
	}
}

func TestInheritanceAndEmitFromGo(t *testing.T) {
	rt := jstest.New(t)
	jstest.Do(t, rt, func(vm *goja.Runtime) error {
		proto, err := Prototype(rt)
		if err != nil {
			return err
		}
		obj := vm.CreateObject(proto)
		_ = vm.Set("obj", obj)
		if _, err := vm.RunString(`obj.on('ping', function (x) { this.got = x })`); err != nil {
			return err
		}
		had, err := Emit(rt, obj, "ping", vm.ToValue(7))
		if err != nil || !had {
			t.Errorf("Emit: %v %v", had, err)
		}
		if obj.Get("got").ToInteger() != 7 {
			t.Errorf("listener did not run with this = obj")
		}
		had, _ = Emit(rt, obj, "none")
		if had {
			t.Errorf("Emit without listeners reported true")
		}
		return nil
	})
}
