/** A sign-in that cannot end for a reason of this app's own, told as it is. */
export class SignInFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SignInFailure'
  }
}

/** The person cancelled from the panel: nothing to report. */
export class SignInCancelled extends Error {
  constructor() {
    super('The sign-in was cancelled.')
    this.name = 'SignInCancelled'
  }
}
