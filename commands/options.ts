// Schema pieces shared by the knowledge commands.
import { z } from 'zod';

/** A name a user types: a company, layer or topic. Long enough for "Microsoft Azure", short enough to echo. */
export const nameArg = () => z.string().trim().min(1).max(100);
