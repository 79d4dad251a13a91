/** The custom functions' script: in the shared runtime the task pane registers them too; registering twice is harmless. */
import { registerFunctions } from './register';

registerFunctions();
