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

/**
 * The element with `data-id` inside a component, or inside the shadow roots of its children (a
 * list's states live in c-wa-load-state).
 */
function byDataId(element, id) {
  const selector = `[data-id="${id}"]`
  const roots = [element.shadowRoot]
  while (roots.length > 0) {
    const root = roots.shift()
    const found = root.querySelector(selector)
    if (found) return found
    for (const child of root.querySelectorAll('*')) if (child.shadowRoot) roots.push(child.shadowRoot)
  }
  return null
}

module.exports = { flushPromises, apexFailure, byDataId }
