// Helpers for the LWC tests (outside force-app so Jest never takes them for a suite and the
// Salesforce CLI never deploys them).

/** Lets pending promises and the re-render they cause settle. */
function flushPromises() {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** Rejection shaped like an imperative Apex failure carrying the controller's JSON failure. */
function apexFailure(failure) {
  return {
    body: {
      message: JSON.stringify({
        status: null,
        code: null,
        reason: null,
        requestId: null,
        message: '',
        ...failure,
      }),
    },
    ok: false,
    status: 500,
    statusText: 'Server Error',
  }
}

module.exports = { flushPromises, apexFailure }
