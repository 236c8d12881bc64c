const a = 1;



throw new Error('cjs load boom');
