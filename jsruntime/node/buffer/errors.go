package buffer

import (
	"fmt"

	"github.com/dop251/goja"
	"github.com/pluginhost/pluginhost/jsruntime/nodeerr"
)

func (s *state) outOfRange(name, bounds string, got any) *goja.Object {
	return nodeerr.New(s.vm, "RangeError", "ERR_OUT_OF_RANGE",
		fmt.Sprintf("The value of %q is out of range. It must be %s. Received %v", name, bounds, got))
}

func (s *state) unknownEncoding(name string) *goja.Object {
	return nodeerr.New(s.vm, "TypeError", "ERR_UNKNOWN_ENCODING", "Unknown encoding: "+name)
}
