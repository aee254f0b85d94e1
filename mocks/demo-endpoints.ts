/**
 * The addresses demo mode uses where a real deployment would have its own services. Nothing
 * answers them on the network (`.test` is reserved, RFC 2606): the MSW handlers in
 * mocks/handlers/demo-control.ts and demo-deployment.ts do.
 */

/** Where demo mode sends build requests (the deployment's `buildTriggerUrl`). */
export const DEMO_BUILD_TRIGGER_URL = 'https://builds.demo.git-connector.test/trigger'

/** The webhook receiver demo mode registers; hooks point at `${DEMO_WEBHOOK_RECEIVER_URL}/…`. */
export const DEMO_WEBHOOK_RECEIVER_URL = 'https://hooks.demo.git-connector.test/receive'

/** Demo-only controls: `POST ${DEMO_CONTROL_URL}/releases` publishes a simulated release. */
export const DEMO_CONTROL_URL = 'https://demo-control.git-connector.test'
