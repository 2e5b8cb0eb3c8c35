// Password length limits, shared by the server policy and the forms' hints.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
