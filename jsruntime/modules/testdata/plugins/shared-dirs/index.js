exports.shared = require('sharedpkg');
exports.own = require('ownpkg');
exports.express = require('express');
exports.resolved = require.resolve('sharedpkg');
try { require('nowhere-pkg'); } catch (e) { exports.missing = e.code; }
