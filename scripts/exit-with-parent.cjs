// Preloaded into Next.js by npm start (scripts/start.ts): Next.js ends when the launcher that
// started it is gone. After kill -9 of the launcher alone it would otherwise go on serving,
// orphaned, while the next start stops the database it was using.
const launcher = process.ppid;
setInterval(() => {
  if (process.ppid !== launcher) process.exit(0);
}, 1000).unref();
