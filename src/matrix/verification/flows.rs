//! The verification flows this session takes part in, kept by flow id: the SDK's objects of
//! each and what the front ends were last told, folded step by step. Reports through a
//! callback, so it knows nothing of the core's event stream.

use std::collections::HashMap;
use std::sync::Mutex;

use matrix_sdk::encryption::verification::{QrVerification, SasVerification, VerificationRequest};

use crate::matrix::MatrixError;
use crate::model::verification::{Step, Verification};

/// The flows this session takes part in, by flow id, and where their changes are reported.
pub(crate) struct Flows {
    map: Mutex<HashMap<String, Flow>>,
    /// Tells the front ends (the core's event stream, wired by `start`).
    report: Box<dyn Fn(Box<Verification>) + Send + Sync>,
}

/// The SDK's objects of one flow, and what the front ends were last told of it.
#[derive(Clone)]
pub(super) struct Flow {
    pub(super) request: VerificationRequest,
    pub(super) sas: Option<SasVerification>,
    pub(super) qr: Option<QrVerification>,
    pub(super) state: Verification,
}

impl Flows {
    pub(crate) fn new(report: impl Fn(Box<Verification>) + Send + Sync + 'static) -> Self {
        Self { map: Mutex::default(), report: Box::new(report) }
    }

    pub(super) fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Flow>> {
        // A panic elsewhere while holding the lock leaves the map itself consistent: every
        // update below is a single assignment.
        self.map.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(super) fn get(&self, id: &str) -> Result<Flow, MatrixError> {
        self.lock().get(id).cloned().ok_or_else(|| MatrixError::VerificationUnknown(id.to_owned()))
    }

    /// Folds `step` into the flow and tells the front ends when its stage changed.
    pub(super) fn step(&self, id: &str, step: Step) {
        let changed = {
            let mut map = self.lock();
            let Some(flow) = map.get_mut(id) else { return };
            flow.state.apply(step).then(|| flow.state.clone())
        };
        if let Some(state) = changed {
            tracing::info!(flow = id, stage = stage_name(&state), "verification changed");
            self.tell(state);
        }
    }

    /// Tells the front ends where a flow stands. Nobody may be listening (a command that only
    /// acts): the flow goes on regardless.
    pub(super) fn tell(&self, state: Verification) {
        (self.report)(Box::new(state));
    }

    /// Notes the other session once it is known; it is shown with the next stage.
    pub(super) fn set_device(&self, id: &str, device: &str) {
        if let Some(flow) = self.lock().get_mut(id)
            && flow.state.other_device.is_none()
        {
            flow.state.other_device = Some(device.to_owned());
        }
    }

    pub(super) fn set_sas(&self, id: &str, sas: SasVerification) {
        if let Some(flow) = self.lock().get_mut(id) {
            flow.sas = Some(sas);
        }
    }

    pub(super) fn set_qr(&self, id: &str, qr: QrVerification) {
        if let Some(flow) = self.lock().get_mut(id) {
            flow.qr = Some(qr);
        }
    }

    pub(super) fn is_final(&self, id: &str) -> bool {
        self.lock().get(id).is_none_or(|flow| flow.state.stage.is_final())
    }
}

/// The stage's name for the log: never the emoji or the QR payload.
fn stage_name(state: &Verification) -> &'static str {
    use crate::model::verification::Stage;
    match state.stage {
        Stage::Requested => "requested",
        Stage::Ready { .. } => "ready",
        Stage::ShowingQr(_) => "showing_qr",
        Stage::ScannedConfirm => "scanned_confirm",
        Stage::Emoji(_) => "emoji",
        Stage::Confirmed => "confirmed",
        Stage::Done => "done",
        Stage::Cancelled(reason) => reason.code(),
    }
}
