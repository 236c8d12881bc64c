// Command goserver is the benchmark's ceiling: a plain net/http server doing the work of the
// benchmark's plugins (bench/plugins) on the same paths, without JavaScript. Started with -sse-only,
// it is instead the upstream that the relay workload's targets fetch Server-Sent Events from.
//
//	goserver [-addr HOST:PORT] [-files DIR] [-upstream URL] [-sse-only] [-sse-duration D] [-sse-events N]
//
// It prints "listening on http://ADDR" once it accepts requests and exits on SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address")
	files := flag.String("files", "", "folder of the static workload's files (large.bin, small.css)")
	upstream := flag.String("upstream", "", "URL of the event stream the relay route fetches")
	sseOnly := flag.Bool("sse-only", false, "serve only the upstream event stream, at /sse")
	var sse sseStream
	flag.DurationVar(&sse.duration, "sse-duration", 2*time.Second, "how long one event stream lasts")
	flag.IntVar(&sse.events, "sse-events", 40, "events in one stream, evenly spaced")
	flag.Parse()

	mux := http.NewServeMux()
	if *sseOnly {
		mux.Handle("GET /sse", &sse)
	} else {
		routes(mux, *files, *upstream)
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	fmt.Printf("listening on http://%s\n", ln.Addr())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
