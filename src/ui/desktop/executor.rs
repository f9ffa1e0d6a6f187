//! The runtime the desktop app's tasks and the Matrix core run on: iced's own tokio runtime,
//! with the worker stacks the core needs (`matrix::WORKER_STACK`), its threads below the
//! window's.

/// A multi-threaded tokio runtime whose workers have `matrix::WORKER_STACK` of stack (always
/// `Some` until dropped).
pub struct Runtime(Option<tokio::runtime::Runtime>);

/// How long the app's tasks get to finish when it quits. Bounded: a plain drop would wait for
/// every blocking task, and one waits on each notification on screen until it is closed.
const SHUTDOWN: std::time::Duration = std::time::Duration::from_secs(2);

/// The app has quit when iced drops its executor: what the core's tasks do as they are
/// dropped is teardown, not news for the terminal.
impl Drop for Runtime {
    fn drop(&mut self) {
        crate::process::teardown_panics_to_the_log();
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_timeout(SHUTDOWN);
        }
    }
}

/// The runtime's handle, for what must be dropped in its context after it has stopped.
static CONTEXT: std::sync::OnceLock<tokio::runtime::Handle> = std::sync::OnceLock::new();

/// Enters the app's runtime (stopped or not) until the guard drops: iced drops the app's state
/// on its own thread once the runtime is gone, and the core's stores close their connections
/// by spawning blocking tasks, which panics outside any runtime (and aborts the process, as a
/// second panic follows during the unwinding).
pub fn context() -> Option<tokio::runtime::EnterGuard<'static>> {
    CONTEXT.get().map(tokio::runtime::Handle::enter)
}

impl Runtime {
    fn runtime(&self) -> &tokio::runtime::Runtime {
        #[expect(clippy::expect_used, reason = "taken only when dropped")]
        self.0.as_ref().expect("the runtime, until dropped")
    }
}

impl iced::Executor for Runtime {
    fn new() -> Result<Self, std::io::Error> {
        // The window's thread is not one of the runtime's: the core's threads run below it.
        let runtime = crate::matrix::runtime_below_the_window()?;
        let _ = CONTEXT.set(runtime.handle().clone());
        Ok(Self(Some(runtime)))
    }

    fn spawn(&self, future: impl Future<Output = ()> + Send + 'static) {
        drop(self.runtime().spawn(future));
    }

    fn enter<R>(&self, f: impl FnOnce() -> R) -> R {
        let _guard = self.runtime().enter();
        f()
    }

    fn block_on<T>(&self, future: impl Future<Output = T>) -> T {
        self.runtime().block_on(future)
    }
}
