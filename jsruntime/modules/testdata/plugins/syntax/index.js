const ok = 1;

const bad = ;
