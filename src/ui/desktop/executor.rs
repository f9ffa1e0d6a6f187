//! The runtime the desktop app's tasks and the Matrix core run on: iced's own tokio runtime,
//! with the worker stacks the core needs (`matrix::WORKER_STACK`).

/// A multi-threaded tokio runtime whose workers have `matrix::WORKER_STACK` of stack.
pub struct Runtime(tokio::runtime::Runtime);

/// The window has closed when iced drops its executor: what the core's tasks do as they are
/// dropped is teardown, not news for the terminal.
impl Drop for Runtime {
    fn drop(&mut self) {
        crate::process::teardown_panics_to_the_log();
    }
}

impl iced::Executor for Runtime {
    fn new() -> Result<Self, std::io::Error> {
        crate::matrix::runtime().map(Self)
    }

    fn spawn(&self, future: impl Future<Output = ()> + Send + 'static) {
        drop(self.0.spawn(future));
    }

    fn enter<R>(&self, f: impl FnOnce() -> R) -> R {
        let _guard = self.0.enter();
        f()
    }

    fn block_on<T>(&self, future: impl Future<Output = T>) -> T {
        self.0.block_on(future)
    }
}
