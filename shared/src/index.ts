export * from './errors'
export * from './message'
export * from './phone'
export * from './thread'
