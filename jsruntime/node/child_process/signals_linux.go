package child_process

import "syscall"

// signalList is os.constants.signals on Linux, in Node's order: where two names share a number, the
// first is the one Node reports when a child dies of it (SIGABRT, not SIGIOT).
var signalList = []namedSignal{
	{"SIGHUP", syscall.SIGHUP}, {"SIGINT", syscall.SIGINT}, {"SIGQUIT", syscall.SIGQUIT},
	{"SIGILL", syscall.SIGILL}, {"SIGTRAP", syscall.SIGTRAP}, {"SIGABRT", syscall.SIGABRT},
	{"SIGIOT", syscall.SIGIOT}, {"SIGBUS", syscall.SIGBUS}, {"SIGFPE", syscall.SIGFPE},
	{"SIGKILL", syscall.SIGKILL}, {"SIGUSR1", syscall.SIGUSR1}, {"SIGSEGV", syscall.SIGSEGV},
	{"SIGUSR2", syscall.SIGUSR2}, {"SIGPIPE", syscall.SIGPIPE}, {"SIGALRM", syscall.SIGALRM},
	{"SIGTERM", syscall.SIGTERM}, {"SIGCHLD", syscall.SIGCHLD}, {"SIGSTKFLT", syscall.SIGSTKFLT},
	{"SIGCONT", syscall.SIGCONT}, {"SIGSTOP", syscall.SIGSTOP}, {"SIGTSTP", syscall.SIGTSTP},
	{"SIGTTIN", syscall.SIGTTIN}, {"SIGTTOU", syscall.SIGTTOU}, {"SIGURG", syscall.SIGURG},
	{"SIGXCPU", syscall.SIGXCPU}, {"SIGXFSZ", syscall.SIGXFSZ}, {"SIGVTALRM", syscall.SIGVTALRM},
	{"SIGPROF", syscall.SIGPROF}, {"SIGWINCH", syscall.SIGWINCH}, {"SIGIO", syscall.SIGIO},
	{"SIGPOLL", syscall.SIGPOLL}, {"SIGPWR", syscall.SIGPWR}, {"SIGSYS", syscall.SIGSYS},
}
