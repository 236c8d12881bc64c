package main

import (
	"fmt"
	"time"
)

// report prints the results tables: the means over rounds for each workload and target, the ratios
// pluginhost/node and pluginhost/go (above 1 means pluginhost is higher: better for rps, worse for
// latency and memory), and the first failure of every target that had any.
func (s *suite) report() {
	var notes []string
	if len(s.throughput) > 0 {
		s.printf("\n%-17s %-10s %9s %9s %9s %9s %10s %7s\n", "workload", "target", "rps", "p50_ms", "p99_ms", "peak_MiB", "cpu_us/req", "failed")
		for _, res := range s.throughput {
			label := res.w.num + " " + res.w.key
			means := map[string][5]float64{}
			for _, t := range s.cfg.targets {
				var rps, p50, p99, cpu float64
				var failed uint64
				for _, m := range res.rounds[t] {
					rps, p50, p99, cpu = rps+m.rps, p50+m.p50, p99+m.p99, cpu+m.cpuPerRequest()
					failed += m.failed()
				}
				n := float64(len(res.rounds[t]))
				means[t] = [5]float64{rps / n, p50 / n, p99 / n, mib(res.peak[t]), cpu / n}
				flag := ""
				if failed > 0 || res.failures[t] != "" && res.peak[t] == 0 {
					flag = " FAILED"
					notes = append(notes, fmt.Sprintf("%s, %s: %s", label, t, res.failures[t]))
				}
				s.printf("%-17s %-10s %9.0f %9.3f %9.3f %9.1f %10.1f %7d%s\n", label, t, rps/n, p50/n, p99/n, mib(res.peak[t]), cpu/n, failed, flag)
				label = ""
			}
			for _, other := range []string{"node", "go"} {
				if ph, o := means["pluginhost"], means[other]; contains(s.cfg.targets, "pluginhost") && contains(s.cfg.targets, other) {
					s.printf("%-17s %-10s %8.2fx %8.2fx %8.2fx %8.2fx %9.2fx\n", "", "ph/"+other,
						ph[0]/o[0], ph[1]/o[1], ph[2]/o[2], ph[3]/o[3], ph[4]/o[4])
				}
			}
		}
		s.printf("workloads:")
		for _, res := range s.throughput {
			s.printf(" %s = %s;", res.w.num, res.w.title)
		}
		s.printf("\nrps: responses per second that passed the status and body checks; latency from request to last body byte;\n" +
			"peak_MiB: the server's VmHWM over the workload; cpu_us/req: the server's CPU time in the window per request;\n" +
			"ratios: pluginhost over the other target.\n")
	}
	if len(s.startups) > 0 {
		s.printf("\n%-17s %-10s %9s %9s %9s %7s\n", fmt.Sprintf("6 startup (%d)", startupSmall+1), "target", "cold_ms", "warm_ms", "rss_MiB", "failed")
		means := map[string][3]float64{}
		for _, r := range s.startups {
			var warm time.Duration
			for _, d := range r.warm {
				warm += d
			}
			var rss uint64
			for _, v := range r.rss {
				rss += v
			}
			m := [3]float64{ms(r.cold), ms(warm) / float64(max(len(r.warm), 1)), mib(rss) / float64(max(len(r.rss), 1))}
			means[r.target] = m
			flag, failed := "", 0
			if r.failure != "" {
				flag, failed = " FAILED", 1
				notes = append(notes, fmt.Sprintf("6 startup, %s: %s", r.target, r.failure))
			}
			s.printf("%-17s %-10s %9.1f %9.1f %9.1f %7d%s\n", "", r.target, m[0], m[1], m[2], failed, flag)
		}
		for _, other := range []string{"node", "go"} {
			if ph, o := means["pluginhost"], means[other]; contains(s.cfg.targets, "pluginhost") && contains(s.cfg.targets, other) {
				s.printf("%-17s %-10s %8.2fx %8.2fx %8.2fx\n", "", "ph/"+other, ph[0]/o[0], ph[1]/o[1], ph[2]/o[2])
			}
		}
		s.printf("start-up: process start to the first 200 from /api/plugins/bundle/ok; cold: the first start on the freshly\n"+
			"written plugins, warm: the mean of %d later starts; rss_MiB: VmRSS at that moment (mean of all starts).\n", s.cfg.warmStarts)
	}
	for _, n := range notes {
		s.printf("FAILED %s\n", n)
	}
}
