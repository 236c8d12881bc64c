require('./missing-thing');
