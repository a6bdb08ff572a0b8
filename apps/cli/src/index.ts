export { EXIT, buildProgram, run } from './main';
