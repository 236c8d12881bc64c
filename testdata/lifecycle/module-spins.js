// Never finishes evaluating: the host must give up on it and interrupt it.
for (;;) {}
