const kind: string = 'cts';
export = { kind };
