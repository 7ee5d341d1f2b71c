Console.Error.WriteLine("No benchmark is written yet."); return 1;
