package conformance

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
)

// diffsFile receives the full diff list of every run, for the people fixing the shim.
const diffsFile = "/tmp/conformance-diffs.txt"

// verdict is the outcome of one case.
type verdict struct {
	name       string
	diffs      []string // differences from the Node host, or from the documented expectation
	documented bool     // the case is in documentedDifferences
}

// TestConformance replays the corpus against the Node reference host and pluginhost and requires
// identical answers, except for documented differences, where pluginhost's documented answer is
// required instead.
func TestConformance(t *testing.T) {
	cases, err := loadCorpus("corpus.json")
	if err != nil {
		t.Fatal(err)
	}
	for name := range documentedDifferences {
		if !slices.ContainsFunc(cases, func(c testCase) bool { return c.Name == name }) {
			t.Errorf("documented difference %q names no corpus case", name)
		}
	}
	node := startNode(t)
	ours := startOurs(t)
	checkSamePlugins(t, node, ours)

	var mu sync.Mutex
	var verdicts []verdict
	t.Run("cases", func(t *testing.T) {
		for _, c := range cases {
			t.Run(c.Name, func(t *testing.T) {
				t.Parallel()
				v := run(t, c, node.addr, ours.addr)
				mu.Lock()
				verdicts = append(verdicts, v)
				mu.Unlock()
				for _, d := range v.diffs {
					t.Error(d)
				}
			})
		}
	})
	summarise(t, verdicts)
}

// run replays one case against both hosts and judges it.
func run(t *testing.T, c testCase, nodeAddr, ourAddr string) verdict {
	raw, err := c.request()
	if err != nil {
		t.Fatal(err)
	}
	theirs := normalise(exchange(nodeAddr, raw, c.Method, c.timeout()), c)
	mine := normalise(exchange(ourAddr, raw, c.Method, c.timeout()), c)
	diffs := compare(theirs, mine)
	doc, documented := documentedDifferences[c.Name]
	if !documented {
		return verdict{name: c.Name, diffs: diffs}
	}
	if len(diffs) == 0 {
		return verdict{name: c.Name, documented: true, diffs: []string{"documented as different, but both hosts now agree: remove it from documentedDifferences"}}
	}
	return verdict{name: c.Name, documented: true, diffs: doc.Ours.check(mine)}
}

// summarise logs the totals and one line per failing case, and writes every diff to diffsFile.
func summarise(t *testing.T, verdicts []verdict) {
	sort.Slice(verdicts, func(i, j int) bool { return verdicts[i].name < verdicts[j].name })
	var equal, documented int
	var short, full strings.Builder
	for _, v := range verdicts {
		switch {
		case len(v.diffs) == 0 && v.documented:
			documented++
		case len(v.diffs) == 0:
			equal++
		default:
			fmt.Fprintf(&short, "  %s: %s", v.name, v.diffs[0])
			if len(v.diffs) > 1 {
				fmt.Fprintf(&short, " (+%d more)", len(v.diffs)-1)
			}
			short.WriteString("\n")
			fmt.Fprintf(&full, "%s\n", v.name)
			for _, d := range v.diffs {
				fmt.Fprintf(&full, "    %s\n", d)
			}
		}
	}
	failing := len(verdicts) - equal - documented
	head := fmt.Sprintf("conformance: %d cases, %d equal, %d documented differences as documented, %d differing",
		len(verdicts), equal, documented, failing)
	if err := os.WriteFile(diffsFile, []byte(head+"\n"+full.String()), 0o644); err != nil {
		t.Logf("writing %s: %v", diffsFile, err)
	}
	if failing == 0 {
		t.Log(head)
		return
	}
	t.Errorf("%s (full diffs in %s):\n%s", head, diffsFile, short.String())
}
